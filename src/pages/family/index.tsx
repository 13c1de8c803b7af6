import { useCallback, useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import type { MyRetailersData } from '@contracts'
import { PageRoot } from '@/components/PageRoot'
import { ErrorState } from '@/components/ErrorState'
import { HelpedShops } from '@/components/HelpedShops'
import { messageOf } from '@/lib/messages'
import { fetchMyRetailers } from '@/services/helpers'

/** 我帮忙的店铺, for a retailer who also helps others (a paired neighbour); helpers with no shop see it on 首页. */
export default function Family() {
  const [data, setData] = useState<MyRetailersData | null>(null)
  const [error, setError] = useState('')
  const load = useCallback(async () => {
    setError('')
    try {
      setData(await fetchMyRetailers())
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return (
    <PageRoot className='family'>
      {error !== '' && <ErrorState message={error} onRetry={() => void load()} />}
      {!data && error === '' && <Text className='muted'>正在加载…</Text>}
      {data && <HelpedShops data={data} onChange={setData} />}
    </PageRoot>
  )
}
