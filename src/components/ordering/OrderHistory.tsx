import './ordering.scss'
import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { OrderHistoryData } from '@contracts'
import { formatFen } from '@words/numbers'
import { ORDER_STATUS_WORDS } from '@words/orders'
import { monthDay } from '@words/time'
import { chinaDate } from '@core/time'
import { fetchOrderHistory } from '@/services/orders'
import { errorTextOf } from '@/lib/errorText'

/**
 * 订货记录: the last 8 closed cycles — 已订货 / 家人已代订 / 未订货 — with the cartons and amount
 * bought in each when the marketing system's purchases are imported. Loaded on the first tap, so
 * 首页 costs no more to open.
 */
export function OrderHistory({ retailer }: { retailer?: string }) {
  const [data, setData] = useState<OrderHistoryData | null>(null)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState('')
  const toggle = useCallback(async () => {
    if (open) return setOpen(false)
    setOpen(true)
    setError('')
    try {
      setData(await fetchOrderHistory(retailer))
    } catch (failure) {
      setError(errorTextOf(failure))
    }
  }, [open, retailer])

  return (
    <View className='card order-history care-hide'>
      <Button className='btn toggle-history' onClick={() => void toggle()}>
        {open ? '收起订货记录' : '最近 8 期订货记录'}
      </Button>
      {open && error !== '' && <Text className='error-text'>{error}</Text>}
      {open &&
        data?.cycles.map((cycle) => (
          <View key={cycle.cycleId} className={`history-row is-${cycle.status}`}>
            <Text className='history-date'>{`${monthDay(chinaDate(Date.parse(cycle.closedAt)))}截止`}</Text>
            <Text className='history-status'>{cycle.status === 'notOrdered' ? `✗ ${ORDER_STATUS_WORDS[cycle.status]}` : `✓ ${ORDER_STATUS_WORDS[cycle.status]}`}</Text>
            <Text className='history-amount'>{cycle.cartons === null || cycle.amountFen === null ? '' : `${cycle.cartons} 条 · ${formatFen(cycle.amountFen)}`}</Text>
          </View>
        ))}
      {open && data?.cycles.length === 0 && <Text className='line muted'>还没有结束的订货期</Text>}
    </View>
  )
}
