import { useRouter } from '@tarojs/taro'
import { PageRoot } from '@/components/PageRoot'
import { HelpedRetailers } from '@/components/HelpedRetailers'
import { useLoader } from '@/lib/useLoader'
import { fetchMyRetailers } from '@/services/helpers'
import { LoadState } from '@/components/LoadState'

/** 我帮忙的店铺, for a retailer who also helps others (a paired neighbour); helpers with no shop see it on 首页. */
export default function Family() {
  const { load, retry, setData } = useLoader(fetchMyRetailers)
  // A helper's reminder names the shop (`?retailer=…`): it leads the list.
  const first = useRouter().params.retailer || undefined
  return (
    <PageRoot className='family'>
      <LoadState load={load} onRetry={retry} />
      {load.state === 'ready' && <HelpedRetailers data={load.data} onChange={setData} first={first} />}
    </PageRoot>
  )
}
