import { useState } from 'react'
import type { SuggestedOrderData } from '@contracts'
import { formatFen } from '@words/numbers'
import { monthDay, chinaLabel } from '@words/time'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { cartonsToOrder, suggestedOrderText } from '@words/orderPlan'
import { saveOrderDraft } from '@/services/insights'
import { openOrderPlatform } from '@/services/orders'
import { errorTextOf } from '@/lib/errorText'
import { dataThroughText } from '@/pages/insights/words'
import { PageRoot } from '@/components/PageRoot'
import { Loading } from '@/components/Loading'
import { ErrorState } from '@/components/ErrorState'
import { goTo } from '@/lib/routes'
import { isRefusal, useSuggestedOrder } from './useSuggestedOrder'
import { OrderLines } from './OrderLines'
import './index.scss'

const label = (iso: string) => chinaLabel(Date.parse(iso))

/** WeChat (and Taro in the browser) confirms with its own 内容已复制 toast. */
const copy = (text: string) => void Taro.setClipboardData({ data: text })

/**
 * 订货建议: per SKU, the cartons to order in the coming cycle and why, within the month's quota,
 * and the whole suggestion as text to paste into the ordering platform.
 */
export default function SuggestedOrder() {
  const retailer = useRouter().params.retailer || undefined
  const { load, retry } = useSuggestedOrder(retailer)

  if (load.state === 'loading') {
    return (
      <PageRoot className='order'>
        <Loading blocks={['skeleton-order']} text='正在计算订货建议…' />
      </PageRoot>
    )
  }
  if (load.state === 'error' && !isRefusal(load.error)) {
    return (
      <PageRoot className='order'>
        <ErrorState message={load.error.message} onRetry={retry} />
      </PageRoot>
    )
  }
  if (load.state === 'error') {
    return (
      <PageRoot className='order'>
        <View className='card refused'>
          <Text className='title'>看不了订货建议</Text>
          <Text className='error-text refused-message'>{load.error.message}</Text>
          {load.error.code === 'NOT_BOUND' && (
            <Button className='btn btn-primary' onClick={() => goTo('bind')}>
              去绑定店铺
            </Button>
          )}
        </View>
      </PageRoot>
    )
  }

  return <OrderPlan data={load.data} retailer={retailer} />
}

/** The suggestion, editable while the window is open, kept for the cycle, and carried to the platform. */
function OrderPlan({ data, retailer }: { data: SuggestedOrderData; retailer?: string }) {
  const [cartons, setCartons] = useState<Map<string, number>>(() => cartonsToOrder(data))
  const [saved, setSaved] = useState<Map<string, number>>(() => cartonsToOrder(data))
  const [note, setNote] = useState(data.draft ? `这期订单按${data.draft.by === 'helper' ? '家人' : '您'}的修改保存着（${label(data.draft.savedAt)}）` : '')
  const [busy, setBusy] = useState(false)
  const byCode = new Map(data.lines.map((line) => [line.skuCode, line]))
  const total = [...cartons.values()].reduce((sum, n) => sum + n, 0)
  const totalFen = [...cartons].reduce((sum, [code, n]) => sum + n * (byCode.get(code)?.wholesaleFenPerCarton ?? 0), 0)
  const kinds = [...cartons.values()].filter((n) => n > 0).length
  const dirty = [...cartons].some(([code, n]) => (saved.get(code) ?? 0) !== n)
  const trimmed = data.lines.reduce((sum, line) => sum + line.trimmedCartons, 0)
  const editable = data.windowOpen

  const change = (skuCode: string, n: number) => {
    if (n < 0 || n - (cartons.get(skuCode) ?? 0) + total > data.quota.remainingCartons) return
    setCartons(new Map(cartons).set(skuCode, n))
    setNote('')
  }
  const save = async () => {
    setBusy(true)
    try {
      const draft = await saveOrderDraft({ retailer, cycleId: data.cycleId, lines: [...cartons].map(([skuCode, n]) => ({ skuCode, cartons: n })) })
      setSaved(new Map(cartons))
      setNote(`已保存，这期订货都按这个（${label(draft.savedAt)}）`)
    } catch (error) {
      setNote(errorTextOf(error))
    } finally {
      setBusy(false)
    }
  }
  const goOrder = async () => {
    const result = await openOrderPlatform(suggestedOrderText(data, cartons))
    setNote(result.note)
  }

  return (
    <PageRoot className='order'>
      <View className='card order-cycle'>
        <Text className='title'>{`${data.shopName} 下次订货建议`}</Text>
        <Text className='line'>{`订货时间：${label(data.opensAt)} 至 ${label(data.closesAt)}`}</Text>
        <Text className='line muted'>
          {`预计 ${monthDay(data.deliveryDate)}到货，要卖到 ${monthDay(data.nextDeliveryDate)}下一批到货，再多备 ${data.safetyDays} 天`}
        </Text>
        <Text className='line muted data-through'>{`${dataThroughText(data.dataThrough)}；日均销量按近 ${data.historyWeeks} 周，近的周算得重`}</Text>
        {data.stockDate === null ? (
          <Text className='line muted'>没有库存盘点数据，库存按 0 计算</Text>
        ) : (
          <Text className='line muted'>{`库存按 ${monthDay(data.stockDate)}的盘点计算`}</Text>
        )}
      </View>

      <View className='card order-quota'>
        <Text className='quota-note'>
          {`${Number(data.quota.month.slice(5))}月限量 ${data.quota.cartons} 条，已订 ${data.quota.usedCartons} 条，还可订 ${data.quota.remainingCartons} 条`}
        </Text>
        {trimmed > 0 && <Text className='line muted'>{`为不超过限量，建议里先减了不太急的烟，共少订 ${trimmed} 条`}</Text>}
        {editable && <Text className='line muted'>可以用 − / + 增减，合计不超过还可订的条数；改好后点“保存修改”，这期订货都按它</Text>}
      </View>

      <View className='card'>
        {data.lines.length === 0 ? (
          <Text className='muted'>{`按近 ${data.historyWeeks} 周的销量和现在的库存，这次不用补货`}</Text>
        ) : (
          <OrderLines lines={data.lines} historyWeeks={data.historyWeeks} cartons={cartons} onChange={editable ? change : undefined} full={total >= data.quota.remainingCartons} />
        )}
        <View className='order-total'>
          <Text className='order-total-cartons'>{`合计 ${total} 条（${kinds} 种）`}</Text>
          <Text className='muted order-total-fen'>{`按批发价约 ${formatFen(totalFen)}`}</Text>
        </View>
        {editable && dirty && (
          <Button className='btn btn-primary save-order' onClick={() => void save()} disabled={busy}>
            保存修改
          </Button>
        )}
        {note !== '' && <Text className='order-saved'>{note}</Text>}
      </View>

      {total > 0 && (
        <View className='card'>
          {editable && (
            <Button className='btn btn-primary go-order' onClick={() => void goOrder()}>
              去订货（带上这份订单）
            </Button>
          )}
          <Button className='btn copy-order' onClick={() => copy(suggestedOrderText(data, cartons))}>
            复制订单
          </Button>
          <Text className='line muted'>去订货会先复制订单，到订货平台里粘贴到备注或对照下单</Text>
        </View>
      )}
      <Text className='line muted order-disclaimer'>{`建议按近 ${data.historyWeeks} 周的销量算出，仅供参考，请按店里实际情况增减`}</Text>
    </PageRoot>
  )
}
