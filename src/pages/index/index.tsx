import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { currentCycle } from '@core/schedule'
import { HelpedRetailers } from '@/components/HelpedRetailers'
import { PageRoot } from '@/components/PageRoot'
import { SuggestedOrderEntry } from '@/components/ordering/SuggestedOrderEntry'
import { OrderHistory } from '@/components/ordering/OrderHistory'
import { openPage } from '@/lib/routes'
import { usePullToRefresh } from '@/lib/useLoader'
import { useNow } from '@/lib/useNow'
import { useSuggestion } from '@/lib/useSuggestion'
import type { HomeData } from '@contracts'
import { Countdown } from './Countdown'
import { OrderCard } from './OrderCard'
import { RemindersCard } from './RemindersCard'
import { GuideCard } from './GuideCard'
import { useHome } from './useHome'
import './index.scss'
import { calendarNoticeText } from '@words/orders'
import { LoadState } from '@/components/LoadState'

/**
 * 首页: the retailer's shop, the live countdown to the next order deadline, this week's order and
 * whether reminders can reach them. In 长辈模式 (app.scss `.care`) only the countdown, 去订货,
 * 我已订货 and 拨打客户经理 remain. A user who only helps others sees the shops they help; a
 * helper's reminder (`?retailer=…`) puts that shop first.
 */
export default function Home() {
  const { load, reload, retry, patch, setHelping } = useHome()
  const helpedRetailer = useRouter().params.retailer

  usePullToRefresh(reload)

  // A helper's reminder opens the home page naming the shop; a retailer who also helps others sees it in their list.
  const ownRetailer = load.state === 'ready' && load.data.kind === 'own' ? load.data.home.shop.licenseNo : null
  useEffect(() => {
    if (helpedRetailer && ownRetailer && helpedRetailer !== ownRetailer) openPage('family', { retailer: helpedRetailer })
  }, [helpedRetailer, ownRetailer])

  if (load.state !== 'ready') {
    return (
      <PageRoot className='home'>
        <LoadState load={load} onRetry={retry} blocks={['skeleton-shop', 'skeleton-countdown']} />
      </PageRoot>
    )
  }
  if (load.data.kind === 'helper') {
    return (
      <PageRoot className='home helper-home'>
        <HelpedRetailers data={load.data.helping} onChange={setHelping} first={helpedRetailer} />
      </PageRoot>
    )
  }
  return <OwnHome data={load.data.home} patch={patch} />
}

function OwnHome({ data, patch }: { data: HomeData; patch: (change: Partial<HomeData>) => void }) {
  const { shop: retailer, orderWindow, overrides, calendarNotices } = data
  const now = useNow()
  const { phase, cycle } = currentCycle(orderWindow, now, overrides)
  const suggestion = useSuggestion(undefined, cycle.cycleId, phase === 'open')
  return (
    <PageRoot className='home'>
      <View className='card shop-card care-hide'>
        <Text className='shop-name title'>{retailer.shopName}</Text>
        <View className='shop-facts'>
          <Text className='grade'>{`档位 ${retailer.grade}`}</Text>
          <Text className='district'>{retailer.district}</Text>
        </View>
      </View>
      {calendarNotices.length > 0 && (
        <View className='card calendar-notices care-hide'>
          {calendarNotices.map((notice) => (
            <Text key={notice.cycleId} className='calendar-notice line'>
              {calendarNoticeText(notice)}
            </Text>
          ))}
        </View>
      )}
      <Countdown orderWindow={orderWindow} overrides={overrides} />
      <OrderCard data={data} patch={patch} suggestion={suggestion} />
      {phase === 'open' && <SuggestedOrderEntry suggestion={suggestion} />}
      <GuideCard guide={data.guide} manager={data.manager} />
      <RemindersCard reminders={data.reminders} onChange={(reminders) => patch({ reminders })} />
      <OrderHistory />
    </PageRoot>
  )
}
