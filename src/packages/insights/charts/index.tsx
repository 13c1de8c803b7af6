import { formatFen } from '@words/numbers'
import { dayRange, monthDay, weekdayOf } from '@words/time'
import { isDate, chinaDate } from '@core/time'
import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { fetchSummary } from '@/services/insights'
import { useLoader } from '@/lib/useLoader'
import { PageRoot } from '@/components/PageRoot'
import { ColumnChart } from '../components/ColumnChart'
import { BarList } from '../components/BarList'
import { dailyCaption, dailyColumns, dayFiguresText, topSellerBars } from './series'
import { openPage } from '@/lib/routes'
import { PERIOD_NAMES, dataThroughText } from '@/pages/insights/words'
import './index.scss'
import { LoadState } from '@/components/LoadState'

/** `?period=week|month&date=YYYY-MM-DD[&retailer=…]`, as the 经营 tab opens it; anything else: this month. */
const useQuery = () => {
  const { params } = useRouter()
  return {
    period: params.period === 'week' ? ('week' as const) : ('month' as const),
    date: params.date && isDate(params.date) ? params.date : chinaDate(Date.now()),
    retailer: params.retailer || undefined,
  }
}

/** 销售图表: the period's sales day by day, and its ten best sellers, with every value in words too. */
export default function Charts() {
  const { period, date, retailer } = useQuery()
  const [showDays, setShowDays] = useState(false)
  // Opened from the 经营 tab, the answer it has just loaded is reused.
  const fetch = useCallback(() => fetchSummary({ period, date, retailer }, { reuse: true }), [period, date, retailer])
  const { load, retry } = useLoader(fetch)

  if (load.state !== 'ready') {
    return (
      <PageRoot className='charts'>
        <LoadState load={load} onRetry={retry} blocks={['skeleton-chart', 'skeleton-chart']} text='正在加载图表…' />
      </PageRoot>
    )
  }

  const { data } = load
  const caption = dailyCaption(data.daily)
  return (
    <PageRoot className='charts'>
      <View className='card daily-sales'>
        <Text className='title'>{`${PERIOD_NAMES[data.period]}每天销售额`}</Text>
        <Text className='line muted'>
          {data.days === 0 ? `${dataThroughText(data.dataThrough)}，本期还没有销售数据` : `${dayRange(data.current.from, data.current.to)}，共 ${formatFen(data.current.salesFen)}（${dataThroughText(data.dataThrough)}）`}
        </Text>
        <Text className='chart-caption'>{caption}</Text>
        <ColumnChart columns={dailyColumns(data.daily, data.period)} caption={caption} />
        <Button className='btn toggle-days' onClick={() => setShowDays(!showDays)}>
          {showDays ? '收起每天明细' : '查看每天明细'}
        </Button>
        {showDays && (
          <View className='day-list'>
            {data.daily.map((day) => (
              <View key={day.date} className='day-row'>
                <Text>{`${monthDay(day.date)} ${weekdayOf(day.date)}`}</Text>
                <Text className='day-figures'>{dayFiguresText(day)}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='card top-sellers'>
        <Text className='title'>{`${PERIOD_NAMES[data.period]}热销前十`}</Text>
        <Text className='line muted'>按卖出的包数排</Text>
        {data.topSkus.length === 0 ? (
          <Text className='line muted'>这段时间还没有卖出</Text>
        ) : (
          <BarList bars={topSellerBars(data.topSkus)} />
        )}
      </View>

      <Button className='btn btn-primary open-order' onClick={() => openPage('suggestedOrder', { retailer })}>
        查看下次订货建议
      </Button>
    </PageRoot>
  )
}
