import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { MyRetailerView, MyRetailersData } from '@contracts'
import { currentCycle } from '@core/schedule'
import { orderCountdown } from '@/lib/orderCountdown'
import { useNow } from '@/lib/useNow'
import { useSuggestion } from '@/lib/useSuggestion'
import { errorTextOf } from '@/lib/errorText'
import { openPage } from '@/lib/routes'
import { callPhone, markOrdered, openOrderPlatform, undoOrdered } from '@/services/orders'
import { useConsentRequest } from '@/lib/useConsentRequest'
import { HELPER_KIND_WORDS, SCOPE_WORDS } from '@words/helpers'
import { ORDER_STATUS_WORDS } from '@words/orders'
import { suggestedOrderText } from '@words/orderPlan'
import { HELPER_SCOPES } from '@contracts/vocabulary'
import { SuggestedOrderEntry } from './ordering/SuggestedOrderEntry'
import { OrderHistory } from './ordering/OrderHistory'

/**
 * A helper's view: each retailer they help, with what its owner allowed and what that lets them
 * do — the countdown and status (`remind` or `order`), 去订货 with the suggested order, 代为标记已订货
 * (`order`), 打电话给店主 — and their own reminder consents, which the escalation reminder
 * (retailer not ordered by its last reminder) needs. `first`, the shop a reminder named, leads.
 */
export function HelpedRetailers({ data, onChange, first }: { data: MyRetailersData; onChange: (next: MyRetailersData) => void; first?: string }) {
  const reminded = data.retailers.some((r) => r.scopes.includes('remind'))
  const shops = [...data.retailers].sort((a, b) => Number(b.licenseNo === first) - Number(a.licenseNo === first))

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
      {shops.map((retailer) => (
        <HelpedRetailerCard key={retailer.licenseNo} retailer={retailer} onChange={replace} named={retailer.licenseNo === first} />
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

function HelpedRetailerCard({ retailer, onChange, named }: { retailer: MyRetailerView; onChange: (retailer: MyRetailerView) => void; named: boolean }) {
  const now = useNow()
  const view = orderCountdown(retailer.orderWindow, now, retailer.overrides)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  // The status loaded belongs to one cycle; once the clock moves into the next, it no longer applies.
  const { cycle } = currentCycle(retailer.orderWindow, now, retailer.overrides)
  const status = retailer.order?.cycleId === cycle.cycleId ? retailer.order : null
  const ordered = status !== null && status.status !== 'notOrdered'
  const mayOrder = retailer.scopes.includes('order')
  const open = view.phase === 'open'
  const suggestion = useSuggestion(retailer.licenseNo, cycle.cycleId, mayOrder && open)

  const act = async (work: () => Promise<void>) => {
    setBusy(true)
    setNote('')
    try {
      await work()
    } catch (failure) {
      setNote(errorTextOf(failure))
    } finally {
      setBusy(false)
    }
  }
  const mark = () =>
    act(async () => {
      const marked = await markOrdered(retailer.licenseNo)
      onChange({ ...retailer, cycleId: marked.cycleId, order: marked })
    })
  const undo = () =>
    act(async () => {
      const undone = await undoOrdered(retailer.licenseNo)
      onChange({ ...retailer, order: undone })
      setNote('已撤销，这期重新算作未订货')
    })
  const goOrder = async () => {
    const result = await openOrderPlatform(suggestion ? suggestedOrderText(suggestion) : undefined)
    setNote(result.note)
  }

  return (
    <View className={`card helped-shop ${named ? 'is-named' : ''}`}>
      <Text className='title helped-name'>{retailer.shopName}</Text>
      <Text className='line muted helped-role'>{`您是店主${retailer.owner.name}的${HELPER_KIND_WORDS[retailer.kind]}`}</Text>
      <View className='helped-scopes'>
        <Text className='line muted'>店主允许您：</Text>
        {HELPER_SCOPES.map((scope) => (
          <Text key={scope} className={`scope-chip ${retailer.scopes.includes(scope) ? 'is-on' : 'is-off'}`}>
            {retailer.scopes.includes(scope) ? `✓ ${SCOPE_WORDS[scope]}` : `${SCOPE_WORDS[scope]}（未开）`}
          </Text>
        ))}
      </View>
      <Text className='line helped-countdown'>
        <Text className='countdown-lead'>{view.lead}</Text>
        <Text className='countdown-time'>{view.remaining}</Text>
      </Text>
      <Text className='line helped-when'>{view.when}</Text>
      {retailer.order && (
        <Text className={`line order-status is-${open ? (status?.status ?? 'notOrdered') : 'waiting'}`}>
          {!open ? '本周订货尚未开始' : ordered ? `本周订货：✓ ${ORDER_STATUS_WORDS[status.status]}` : '本周订货：未订货'}
        </Text>
      )}
      {mayOrder && (
        <Button className='btn btn-primary btn-large helper-go-order' onClick={() => void goOrder()}>
          去订货
        </Button>
      )}
      {mayOrder && open && !ordered && (
        <Button className='btn btn-large mark-for-family' onClick={() => void mark()} disabled={busy}>
          代为标记已订货
        </Button>
      )}
      {mayOrder && open && ordered && status.source === 'helper' && (
        <Button className='btn undo-for-family' onClick={() => void undo()} disabled={busy}>
          撤销“已订货”标记
        </Button>
      )}
      {note !== '' && <Text className='line helper-note'>{note}</Text>}
      {mayOrder && open && <SuggestedOrderEntry suggestion={suggestion} retailer={retailer.licenseNo} />}
      <Button className='btn call-owner' onClick={() => callPhone(retailer.owner.phone)}>
        {`打电话给店主（${retailer.owner.phone}）`}
      </Button>
      {(mayOrder || retailer.scopes.includes('remind')) && <OrderHistory retailer={retailer.licenseNo} />}
    </View>
  )
}
