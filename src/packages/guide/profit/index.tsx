import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ProfitSheetData } from '@contracts'
import { formatCount, formatFen } from '@words/numbers'
import { monthName } from '@words/guidance'
import { PageRoot } from '@/components/PageRoot'
import { useLoader } from '@/lib/useLoader'
import { pageUrl } from '@/lib/routes'
import { fetchProfitSheet } from '@/services/guidance'
import { BarList } from '../../insights/components/BarList'
import '../index.scss'
import { LoadState } from '@/components/LoadState'

/** How many SKUs the chart draws; the rest are summed in one line under it. */
const SHOWN = 12

/** 「2026年10月卖出 1,200 包，销售额 ¥1.8万，毛利 ¥1,800，每包平均赚 ¥1.5」 */
export const profitWords = (sheet: ProfitSheetData): string =>
  sheet.packs > 0
    ? `${monthName(sheet.month)}卖出 ${formatCount(sheet.packs)} 包，销售额 ${formatFen(sheet.salesFen)}，毛利 ${formatFen(sheet.grossProfitFen)}，每包平均赚 ${formatFen(Math.round(sheet.grossProfitFen / sheet.packs))}`
    : `${monthName(sheet.month)}没有扫码销售记录`

/**
 * 二维码盈利单: last month's gross profit per SKU and in total, in words and a chart, shareable as a
 * card (the card opens the reader's own 盈利单: nobody sees another shop's figures).
 */
export default function ProfitSheetPage() {
  const { month, retailer } = useRouter().params
  const fetch = useCallback(() => fetchProfitSheet({ month, retailer }), [month, retailer])
  const { load, retry } = useLoader<ProfitSheetData>(fetch)
  const sheet = load.state === 'ready' ? load.data : null

  useShareAppMessage(() => ({
    title: sheet ? `${monthName(sheet.month)}盈利单：毛利 ${formatFen(sheet.grossProfitFen)}` : '我的盈利单',
    path: pageUrl('profitSheet', { month: sheet?.month }),
  }))

  if (load.state !== 'ready') return <PageRoot className='guide profit'><LoadState load={load} onRetry={retry} blocks={['skeleton-list']} text='正在加载盈利单…' /></PageRoot>
  const data = load.data
  const rest = data.skus.slice(SHOWN)
  return (
    <PageRoot className='guide profit'>
      <View className='card profit-total'>
        <Text className='title'>{`${data.retailer.shopName} · ${monthName(data.month)}盈利单`}</Text>
        <Text className='line profit-words'>{profitWords(data)}</Text>
        <Text className='line muted'>毛利 = 卖出的钱 − 进货的钱。赚得多、卖得快的品规可以多订一些。</Text>
      </View>
      {data.skus.length === 0 ? (
        <View className='card profit-empty'>
          <Text className='line muted'>这个月没有按品规的扫码销售记录。开通云POS、每卖一包扫一下码，下个月这里就有盈利单。</Text>
        </View>
      ) : (
        <View className='card profit-chart'>
          <Text className='title'>每个品规赚了多少</Text>
          <BarList
            bars={data.skus.slice(0, SHOWN).map((s, i) => ({
              key: s.skuCode,
              label: `${i + 1}. ${s.name}`,
              value: Math.max(0, s.grossProfitFen),
              valueText: `毛利 ${formatFen(s.grossProfitFen)} · ${formatCount(s.packs)} 包`,
            }))}
          />
          {rest.length > 0 && (
            <Text className='line muted'>{`其余 ${rest.length} 个品规共赚 ${formatFen(rest.reduce((n, s) => n + s.grossProfitFen, 0))}`}</Text>
          )}
        </View>
      )}
      <Text className='line muted share-hint'>点右上角「···」可以把盈利单转发给家人</Text>
    </PageRoot>
  )
}
