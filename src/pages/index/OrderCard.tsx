import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { HomeData, OrderStatusView, SuggestedOrderData } from '@contracts'
import { currentCycle } from '@core/schedule'
import { chinaLabel } from '@words/time'
import { ORDER_STATUS_WORDS } from '@words/orders'
import { useNow } from '@/lib/useNow'
import { errorTextOf } from '@/lib/errorText'
import { callPhone, markOrdered, openOrderPlatform, undoOrdered } from '@/services/orders'
import { suggestedOrderText } from '@words/orderPlan'
import { updateReminderSettings } from '@/services/reminders'
import { useConsentRequest } from '@/lib/useConsentRequest'

type Patch = (change: Partial<HomeData>) => void

/**
 * This week's order: its status in words (未订货 / 已订货 / 家人已代订), 去订货, 我已订货 while the
 * window is open, then 下周也提醒我 — the natural moment to ask WeChat for the next reminder.
 */
export function OrderCard({ data, patch, suggestion }: { data: HomeData; patch: Patch; suggestion: SuggestedOrderData | null }) {
  const now = useNow()
  const { phase, cycle } = currentCycle(data.orderWindow, now, data.overrides)
  // The status the page loaded belongs to one cycle; once the clock moves into the next, it no longer applies.
  const order: OrderStatusView | null = data.order.cycleId === cycle.cycleId ? data.order : null
  const ordered = order !== null && order.status !== 'notOrdered'
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [askNextWeek, setAskNextWeek] = useState(false)
  const nextWeek = useConsentRequest({
    declined: '没有开启，需要时可在“我的 → 提醒设置”里再开',
    accepted: async (consents) => {
      const settings = data.reminders.enabled ? null : await updateReminderSettings({ enabled: true })
      const perWeek = settings ? Object.values(settings.offsets).filter(Boolean).length : data.reminders.perWeek
      patch({ reminders: { enabled: data.reminders.enabled || (settings?.enabled ?? false), left: consents.left, exhausted: consents.left === 0, templateId: consents.templateId, perWeek } })
      setAskNextWeek(false)
      return `好的，下周订货时会提醒您（还可提醒 ${consents.left} 次）`
    },
    templateId: data.reminders.templateId,
  })

  // 去订货 carries the suggested order (as edited and kept) along: copied, and said so.
  const goOrder = async () => {
    const carry = suggestion && suggestion.cycleId === cycle.cycleId ? suggestedOrderText(suggestion) : undefined
    const result = await openOrderPlatform(carry)
    setNote(result.note)
  }

  const undo = async () => {
    setBusy(true)
    setNote('')
    try {
      patch({ order: await undoOrdered() })
      setAskNextWeek(false)
      setNote('已撤销，这期重新算作未订货')
    } catch (error) {
      setNote(errorTextOf(error))
    } finally {
      setBusy(false)
    }
  }

  const mark = async () => {
    setBusy(true)
    setNote('')
    try {
      const marked = await markOrdered()
      patch({ order: marked })
      setAskNextWeek(true)
    } catch (error) {
      setNote(errorTextOf(error))
    } finally {
      setBusy(false)
    }
  }

  // The words carry the status (✓ marks done); the colour only repeats it.
  const statusText = phase !== 'open' ? '本周订货尚未开始' : ordered ? `本周订货：✓ ${ORDER_STATUS_WORDS[order.status]}` : '本周订货：未订货'
  return (
    <View className='card order-card'>
      <Text className={`order-status is-${phase === 'open' ? (order?.status ?? 'notOrdered') : 'waiting'}`}>
        {statusText}
      </Text>
      {data.lastCycle && (
        <Text className='last-cycle line muted care-hide'>{`上次（${chinaLabel(Date.parse(data.lastCycle.closedAt))} 截止）：${ORDER_STATUS_WORDS[data.lastCycle.result]}`}</Text>
      )}
      <Button className='btn btn-primary btn-large go-order' onClick={() => void goOrder()}>
        去订货
      </Button>
      {phase === 'open' && !ordered && (
        <Button className='btn btn-large mark-ordered' onClick={() => void mark()} disabled={busy}>
          我已订货
        </Button>
      )}
      {phase === 'open' && ordered && order.source !== 'import' && (
        <Button className='btn undo-ordered care-hide' onClick={() => void undo()} disabled={busy}>
          {order.source === 'helper' ? '撤销家人的“已订货”' : '撤销“我已订货”'}
        </Button>
      )}
      {note !== '' && <Text className='order-note line'>{note}</Text>}
      {askNextWeek && (
        <Button className='btn remind-next-week care-hide' onClick={() => void nextWeek.ask()}>
          下周也提醒我
        </Button>
      )}
      {nextWeek.note !== '' && <Text className='next-week-note line care-hide'>{nextWeek.note}</Text>}
      <Button className='btn btn-large call-manager' onClick={() => callPhone(data.manager.phone)}>
        拨打客户经理
      </Button>
      <Text className='manager line muted care-hide'>{`客户经理：${data.manager.name}　${data.manager.phone}`}</Text>
    </View>
  )
}
