import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { MyRetailerView, MyRetailersData } from '@contracts'
import { currentCycle } from '@core/schedule'
import { orderCountdown } from '@/lib/orderCountdown'
import { useNow } from '@/lib/useNow'
import { errorTextOf } from '@/lib/errorText'
import { openPage } from '@/lib/routes'
import { markOrdered } from '@/services/orders'
import { useConsentRequest } from '@/lib/useConsentRequest'
import { HELPER_KIND_WORDS } from '@words/helpers'
import { ORDER_STATUS_WORDS } from '@words/orders'

/**
 * A helper's view: each retailer they help with its deadline and, given `remind` or `order`, its
 * status; 标记家人已代订 for shops they may order for; and their own reminder consents, which the
 * escalation reminder (retailer not ordered by its last reminder) needs.
 */
export function HelpedRetailers({ data, onChange }: { data: MyRetailersData; onChange: (next: MyRetailersData) => void }) {
  const reminded = data.retailers.some((r) => r.scopes.includes('remind'))

  const replace = (retailer: MyRetailerView) =>
    onChange({ ...data, retailers: data.retailers.map((r) => (r.licenseNo === retailer.licenseNo ? retailer : r)) })

  const { ask: addConsent, note: consentNote } = useConsentRequest({
    declined: '没有开启。需要时再点一次，在微信弹出的窗口里选“允许”',
    accepted: (consents) => onChange({ ...data, consents }),
    templateId: data.consents.templateId,
  })

  return (
    <View className='helped-shops'>
      <View className='card'>
        <Text className='title'>我帮忙的店铺</Text>
        {data.retailers.length === 0 && <Text className='line muted'>您还没有帮忙的店铺。店主邀请您后，在这里输入邀请码。</Text>}
      </View>
      {data.retailers.map((retailer) => (
        <HelpedRetailerCard key={retailer.licenseNo} retailer={retailer} onMarked={replace} />
      ))}
      {reminded && (
        <View className='card helper-consents'>
          <Text className='reminders-state'>
            {data.consents.left > 0 ? `店主到最后一次提醒还没订货时，会提醒您（还可提醒 ${data.consents.left} 次）` : '您还收不到订货提醒'}
          </Text>
          <Button className='btn btn-primary helper-add-reminders' onClick={() => void addConsent()}>
            {data.consents.left > 0 ? '增加提醒次数' : '接收订货提醒'}
          </Button>
          {consentNote !== '' && <Text className='error-text'>{consentNote}</Text>}
        </View>
      )}
      <Button className='btn enter-invite' onClick={() => openPage('invite')}>
        输入邀请码
      </Button>
    </View>
  )
}

function HelpedRetailerCard({ retailer, onMarked }: { retailer: MyRetailerView; onMarked: (retailer: MyRetailerView) => void }) {
  const now = useNow()
  const view = orderCountdown(retailer.orderWindow, now, retailer.overrides)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // The status loaded belongs to one cycle; once the clock moves into the next, it no longer applies.
  const { cycle } = currentCycle(retailer.orderWindow, now, retailer.overrides)
  const status = retailer.order?.cycleId === cycle.cycleId ? retailer.order : null
  const ordered = status !== null && status.status !== 'notOrdered'
  const canMark = retailer.scopes.includes('order') && view.phase === 'open' && !ordered

  const mark = async () => {
    setBusy(true)
    setError('')
    try {
      const marked = await markOrdered(retailer.licenseNo)
      onMarked({ ...retailer, cycleId: marked.cycleId, order: marked })
    } catch (failure) {
      setError(errorTextOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card helped-shop'>
      <Text className='title helped-name'>{retailer.shopName}</Text>
      <Text className='line muted'>{`您是${HELPER_KIND_WORDS[retailer.kind]}`}</Text>
      <Text className='line helped-when'>{view.when}</Text>
      {retailer.order && (
        <Text className={`line order-status is-${view.phase === 'open' ? (status?.status ?? 'notOrdered') : 'waiting'}`}>
          {view.phase !== 'open' ? '本周订货尚未开始' : ordered ? `本周订货：✓ ${ORDER_STATUS_WORDS[status.status]}` : '本周订货：未订货'}
        </Text>
      )}
      {canMark && (
        <Button className='btn btn-primary btn-large mark-for-family' onClick={() => void mark()} disabled={busy}>
          标记家人已代订
        </Button>
      )}
      {error !== '' && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
