import { Text, View } from '@tarojs/components'
import type { Benchmark as BenchmarkData } from '@contracts'
import { INDICATORS, benchmarkSpanText, standingText } from './words'

/**
 * You vs your peers vs the best of them, one sentence per indicator. Peers are compared by calendar
 * month, whatever the period shown above, so the month compared is named: "11月全月" or
 * "12月（1日–9日）".
 */
export function Benchmark({ benchmark }: { benchmark: BenchmarkData | null }) {
  return (
    <View className='card benchmark'>
      <Text className='title'>和同类店比</Text>
      {benchmark === null ? (
        <Text className='line muted'>暂无同类店的对比数据</Text>
      ) : (
        <>
          <Text className='line muted benchmark-span'>
            {`按月比较，${benchmarkSpanText(benchmark)}，${benchmark.peers} 家同类店（同业态、同为城镇或乡村、档位相差不超过 2 档）`}
          </Text>
          <Text className='standing standing-sales'>{standingText(INDICATORS.salesFen, benchmark.salesFen, `${Number(benchmark.month.slice(5))}月`)}</Text>
          <Text className='standing standing-margin'>{standingText(INDICATORS.grossMargin, benchmark.grossMargin, `${Number(benchmark.month.slice(5))}月`)}</Text>
          <Text className='standing standing-turnover'>{standingText(INDICATORS.turnoverDays, benchmark.turnoverDays, `${Number(benchmark.month.slice(5))}月`)}</Text>
        </>
      )}
    </View>
  )
}
