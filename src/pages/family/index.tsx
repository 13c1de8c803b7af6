import { PageRoot } from '@/components/PageRoot'
import { Loading } from '@/components/Loading'
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
      {!data && error === '' && <Loading />}
      {data && <HelpedShops data={data} onChange={setData} />}
    </PageRoot>
  )
}
