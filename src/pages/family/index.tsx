import { Text } from '@tarojs/components'
import { PageRoot } from '@/components/PageRoot'
import { ErrorState } from '@/components/ErrorState'
import { HelpedShops } from '@/components/HelpedShops'
import { useLoad } from '@/lib/useLoad'
import { fetchMyRetailers } from '@/services/helpers'

/** 我帮忙的店铺, for a retailer who also helps others (a paired neighbour); helpers with no shop see it on 首页. */
export default function Family() {
  const { data, error, reload: load, setData } = useLoad(fetchMyRetailers)
  return (
    <PageRoot className='family'>
      {error !== '' && <ErrorState message={error} onRetry={() => void load()} />}
      {!data && error === '' && <Text className='muted'>正在加载…</Text>}
      {data && <HelpedShops data={data} onChange={setData} />}
    </PageRoot>
  )
}
