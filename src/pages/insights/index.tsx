import { chinaDate } from '@core/time'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { PeriodKind } from '@contracts'
import { PageRoot } from '@/components/PageRoot'
import { Loading } from '@/components/Loading'
import { ErrorState } from '@/components/ErrorState'
import { goTo, openPage } from '@/lib/routes'
import { usePullToRefresh } from '@/lib/useLoader'
import { useSummary, type HelpedRetailer } from './useSummary'
import { Figures } from './Figures'
import { Alerts } from './Alerts'
import { Benchmark } from './Benchmark'
import { RetailerFacts } from './RetailerFacts'
import { PERIOD_NAMES } from './words'
import './index.scss'
import { HELPER_KIND_WORDS } from '@words/helpers'

const PERIODS: PeriodKind[] = ['week', 'month']

/** For a family helper: whose 经营 this is, and the other retailers they may look at. */
function HelpedRetailerPicker({ retailers, shown, onPick }: { retailers: HelpedRetailer[]; shown?: string; onPick: (licenseNo: string) => void }) {
  const current = retailers.find((retailer) => retailer.licenseNo === shown)
  if (!current) return null
  return (
    <View className='card helped-shop-note'>
      <Text className='title'>{current.shopName}</Text>
      <Text className='line muted'>{`您是这家店的${HELPER_KIND_WORDS[current.kind]}，看到的是店里的经营数据`}</Text>
      {retailers
        .filter((retailer) => retailer.licenseNo !== shown)
        .map((retailer) => (
          <Button key={retailer.licenseNo} className='btn' onClick={() => onPick(retailer.licenseNo)}>
            {`看 ${retailer.shopName}`}
          </Button>
        ))}
    </View>
  )
}

/**
 * 经营: the shop's numbers first, then what needs attention, how it stands among its peers, and
 * its grade and quota. The charts and the suggested order are a tap away, in the insights subpackage.
 */
export default function Insights() {
  const { period, load, helped, retailer, switchTo, retry, reload } = useSummary()
  const view = load.state === 'ready' ? load.data : null
  const summary = view?.summary ?? null

  usePullToRefresh(reload)

  // A tab stays mounted: back on it on another day, the figures would still be yesterday's.
  useDidShow(() => {
    if (view && view.date !== chinaDate(Date.now())) void reload()
  })

  return (
    <PageRoot className='insights'>
      <HelpedRetailerPicker retailers={helped} shown={retailer} onPick={(licenseNo) => switchTo({ retailer: licenseNo })} />
      <View className='period-switch'>
        {PERIODS.map((kind) => (
          <Button
            key={kind}
            className={`period-option ${kind === period ? 'is-selected' : ''}`}
            aria-pressed={kind === period}
            onClick={() => switchTo({ period: kind })}
          >
            {PERIOD_NAMES[kind]}
          </Button>
        ))}
      </View>

      {load.state === 'loading' && <Loading blocks={['skeleton-figures', 'skeleton-list']} text='正在加载经营数据…' />}

      {load.state === 'error' && <ErrorState message={load.error.message} onRetry={retry} />}

      {view && !summary && view.noInsightsFor.length > 0 && (
        <View className='card no-insights-scope'>
          <Text className='title'>{`${view.noInsightsFor.join('、')}的店主没有给您看经营数据的权限`}</Text>
          <Text className='line muted'>您可以在首页帮忙看订货时间、订货状态和订货建议。想看经营数据，请店主在“我的 → 家人帮手”里为您打开“查看经营数据”。</Text>
        </View>
      )}

      {view && !summary && view.noInsightsFor.length === 0 && (
        <View className='card'>
          <Text className='title'>还没有绑定店铺</Text>
          <Text className='line muted'>绑定店铺后，这里会显示您店里的销售额、毛利和同类店对比。</Text>
          <Text className='line muted'>家人帮手：店主给您“查看经营数据”的权限后，这里会显示那家店的经营数据。</Text>
          <Button className='btn btn-primary' onClick={() => goTo('bind')}>
            去绑定店铺
          </Button>
        </View>
      )}

      {summary && !summary.hasPosData && (
        <View className='card no-pos'>
          <Text className='title'>还没有扫码销售数据</Text>
          <Text className='line'>开通云POS扫码销售后，这里会显示每天的销售额、销量和毛利，热销和滞销的烟，以及和同类店的对比。</Text>
          <Text className='line muted'>开通云POS，请联系您的客户经理；开通后每卖一包烟扫一下码即可。</Text>
          <Button className='btn open-guide' onClick={() => openPage('guide', { retailer })}>
            查看经营指导书
          </Button>
        </View>
      )}

      {view && summary?.hasPosData && (
        <>
          <Figures data={summary} />
          <View className='card entries'>
            <Button className='btn btn-primary open-charts' onClick={() => openPage('charts', { period, date: view.date, retailer })}>
              查看每日销售和热销排行图
            </Button>
            <Button className='btn open-order' onClick={() => openPage('suggestedOrder', { retailer })}>
              查看下次订货建议
            </Button>
            <Button className='btn open-guide' onClick={() => openPage('guide', { retailer })}>
              查看经营指导书
            </Button>
          </View>
          <Alerts data={summary} onOpenOrder={() => openPage('suggestedOrder', { retailer })} />
          <Benchmark benchmark={summary.benchmark} />
        </>
      )}

      {summary && <RetailerFacts data={summary} />}
    </PageRoot>
  )
}
