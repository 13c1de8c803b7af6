import { formatFen, changeDirection, describeChange, formatCount } from '@words/numbers'
import { dayRange } from '@words/time'
import { Text, View } from '@tarojs/components'
import type { SummaryData } from '@contracts'
import { LAST_YEAR_NAME, PERIOD_NAMES, PREVIOUS_NAMES } from './words'

type Field = 'salesFen' | 'packs' | 'grossProfitFen'

const FIGURES: { field: Field; name: string; format: (n: number) => string }[] = [
  { field: 'salesFen', name: '销售额', format: formatFen },
  { field: 'packs', name: '销量', format: (packs) => `${formatCount(packs)} 包` },
  { field: 'grossProfitFen', name: '毛利', format: formatFen },
]

/** The period's three numbers, each with how it compares, in words; the compared days are named. */
export function Figures({ data }: { data: SummaryData }) {
  const previousName = PREVIOUS_NAMES[data.period]
  return (
    <View className='card figures'>
      <Text className='period-range muted'>{`${PERIOD_NAMES[data.period]} ${dayRange(data.current.from, data.current.to)}`}</Text>
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
        {`对比${previousName} ${dayRange(data.previous.from, data.previous.to)}，${LAST_YEAR_NAME} ${dayRange(data.lastYear.from, data.lastYear.to)}`}
      </Text>
    </View>
  )
}
