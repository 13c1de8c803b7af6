import { formatFen, changeDirection, describeChange, formatCount } from '@words/numbers'
import { dayRange, monthDay } from '@words/time'
import { Text, View } from '@tarojs/components'
import type { PeriodFigures, SummaryData } from '@contracts'
import { LAST_YEAR_NAME, PERIOD_NAMES, PREVIOUS_NAMES, dataThroughText } from './words'

type Field = 'salesFen' | 'packs' | 'grossProfitFen'

const FIGURES: { field: Field; name: string; format: (n: number) => string }[] = [
  { field: 'salesFen', name: '销售额', format: formatFen },
  { field: 'packs', name: '销量', format: (packs) => `${formatCount(packs)} 包` },
  { field: 'grossProfitFen', name: '毛利', format: formatFen },
]

/** Below this many days of data, 本月 / 本周 also shows the whole period before: a few days alone say little. */
const FEW_DAYS: Record<SummaryData['period'], number> = { week: 3, month: 7 }

const WHOLE_NAMES: Record<SummaryData['period'], string> = { week: '上周全周', month: '上月全月' }

/** The whole period before, in one line: "上月全月（11月1日–30日）：销售额 ¥5.2万 · 销量 2,345 包 · 毛利 ¥6,120". */
function PreviousWhole({ data }: { data: SummaryData }) {
  const whole: PeriodFigures = data.previousWhole
  return (
    <View className='previous-whole'>
      <Text className='previous-whole-name'>{`${WHOLE_NAMES[data.period]}（${dayRange(whole.from, whole.to)}）`}</Text>
      <Text className='previous-whole-figures'>
        {`销售额 ${formatFen(whole.salesFen)} · 销量 ${formatCount(whole.packs)} 包 · 毛利 ${formatFen(whole.grossProfitFen)}`}
      </Text>
    </View>
  )
}

/**
 * The period's three numbers up to the last day with data, each with how it compares over the same
 * number of days, in words; the compared days are named. In a period's first days the whole period
 * before stands beside them; a period with no data yet says so instead of showing zeros.
 */
export function Figures({ data }: { data: SummaryData }) {
  const previousName = PREVIOUS_NAMES[data.period]
  const through = <Text className='data-through muted'>{dataThroughText(data.dataThrough)}</Text>
  if (data.days === 0) {
    return (
      <View className='card figures no-days'>
        {through}
        <Text className='title period-empty'>{`${PERIOD_NAMES[data.period]}（${monthDay(data.from)}起）还没有销售数据`}</Text>
        <Text className='line muted'>每天的扫码销售导入后，这里会显示本期的数字。先看看上一期：</Text>
        <PreviousWhole data={data} />
      </View>
    )
  }
  return (
    <View className='card figures'>
      {through}
      <Text className='period-range muted'>{`${PERIOD_NAMES[data.period]} ${dayRange(data.current.from, data.current.to)}（${data.days} 天）`}</Text>
      {FIGURES.map(({ field, name, format }) => (
        <View key={field} className={`figure figure-${field}`}>
          <Text className='figure-name'>{name}</Text>
          <Text className='figure-value'>{format(data.current[field])}</Text>
          <View className='figure-changes'>
            <Text className={`change is-${changeDirection(data.vsPrevious[field])}`}>{describeChange(previousName, data.vsPrevious[field])}</Text>
            <Text className={`change is-${changeDirection(data.vsLastYear[field])}`}>{describeChange(LAST_YEAR_NAME, data.vsLastYear[field])}</Text>
          </View>
        </View>
      ))}
      <Text className='compare-note muted'>
        {`都按 ${data.days} 天比：${previousName} ${dayRange(data.previous.from, data.previous.to)}，${LAST_YEAR_NAME} ${dayRange(data.lastYear.from, data.lastYear.to)}`}
      </Text>
      {data.days < FEW_DAYS[data.period] && <PreviousWhole data={data} />}
    </View>
  )
}
