import { formatFen } from '@words/numbers'
import { monthDay, chinaLabel } from '@words/time'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { suggestedOrderText } from '@words/orderPlan'
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

  const { data } = load
  const ordered = data.lines.filter((line) => line.cartons > 0)
  const trimmed = data.lines.reduce((sum, line) => sum + line.trimmedCartons, 0)
  return (
    <PageRoot className='order'>
      <View className='card order-cycle'>
        <Text className='title'>{`${data.shopName} 下次订货建议`}</Text>
        <Text className='line'>{`订货时间：${label(data.opensAt)} 至 ${label(data.closesAt)}`}</Text>
        <Text className='line muted'>
          {`预计 ${monthDay(data.deliveryDate)}到货，要卖到 ${monthDay(data.nextDeliveryDate)}下一批到货，再多备 ${data.safetyDays} 天`}
        </Text>
        {data.stockDate === null && <Text className='line muted'>没有库存盘点数据，库存按 0 计算</Text>}
      </View>

      <View className='card order-quota'>
        <Text className='quota-note'>
          {`${Number(data.quota.month.slice(5))}月限量 ${data.quota.cartons} 条，已订 ${data.quota.usedCartons} 条，还可订 ${data.quota.remainingCartons} 条`}
        </Text>
        {trimmed > 0 && <Text className='line muted'>{`为不超过限量，先减了不太急的烟，共少订 ${trimmed} 条`}</Text>}
      </View>

      <View className='card'>
        {data.lines.length === 0 ? (
          <Text className='muted'>按近 8 周的销量和现在的库存，这次不用补货</Text>
        ) : (
          <OrderLines lines={data.lines} historyWeeks={data.historyWeeks} />
        )}
        <View className='order-total'>
          <Text className='order-total-cartons'>{`合计 ${data.totalCartons} 条（${ordered.length} 种）`}</Text>
          <Text className='muted'>{`按批发价约 ${formatFen(data.totalFen)}`}</Text>
        </View>
      </View>

      {ordered.length > 0 && (
        <View className='card'>
          <Button className='btn btn-primary copy-order' onClick={() => copy(suggestedOrderText(data))}>
            复制订单
          </Button>
          <Text className='line muted'>复制后打开订货平台，粘贴到备注或对照下单</Text>
        </View>
      )}
      <Text className='line muted order-disclaimer'>建议按近 8 周的销量算出，仅供参考，请按店里实际情况增减</Text>
    </PageRoot>
  )
}
