import { useCallback, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ModelStoresData } from '@contracts/learning'
import { PageRoot } from '@/components/PageRoot'
import { leaveWhenSignedOut, openPage } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'
import { fetchModelStores, type StoreFilters } from '@/services/learning'
import '../learn.scss'
import { LoadState } from '@/components/LoadState'

type FilterKey = keyof StoreFilters

function Chips({ label, values, chosen, onChoose }: { label: string; values: readonly string[]; chosen?: string; onChoose: (value?: string) => void }) {
  if (values.length < 2) return null
  return (
    <View className='filter' role='group' aria-label={label}>
      <Text className='filter-label'>{label}</Text>
      {[undefined, ...values].map((value) => (
        <Button key={value ?? '全部'} className={`chip ${value === chosen ? 'is-selected' : ''}`} aria-pressed={value === chosen} onClick={() => onChoose(value)}>
          {value ?? '全部'}
        </Button>
      ))}
    </View>
  )
}

/** 示范店: every model store, those like my shop (business type, then town/village) first, with filters. */
export default function ModelStoresPage() {
  const retailer = useRouter().params.retailer || undefined
  const [filters, setFilters] = useState<StoreFilters>({})
  // The filters offered come from the first answer (the whole catalogue), so choosing one never hides the others.
  const [offered, setOffered] = useState<ModelStoresData['filters'] | null>(null)
  const fetch = useCallback(async () => {
    const data = await fetchModelStores(filters, retailer)
    setOffered((known) => known ?? data.filters)
    return data
  }, [filters, retailer])
  const { load, retry } = useLoader(fetch, { leaves: leaveWhenSignedOut })
  const choose = (key: FilterKey) => (value?: string) => setFilters((f) => ({ ...f, [key]: value }))

  return (
    <PageRoot className='learn-stores'>
      {offered && (
        <View className='card filters'>
          <Chips label='业态' values={offered.businessTypes} chosen={filters.businessType} onChoose={choose('businessType')} />
          <Chips label='地域' values={offered.areaTypes} chosen={filters.areaType} onChoose={choose('areaType')} />
          <Chips label='片区' values={offered.districts} chosen={filters.district} onChoose={choose('district')} />
        </View>
      )}
      <LoadState load={load} onRetry={retry} blocks={['skeleton-list']} text='正在加载示范店…' />
      {load.state === 'ready' && load.data.stores.length === 0 && (
        <View className='card'>
          <Text className='line muted'>没有符合条件的示范店，换个条件看看</Text>
        </View>
      )}
      {load.state === 'ready' &&
        load.data.stores.map((store) => (
          <View key={store.id} className='card store-row' hoverClass='is-pressed' onClick={() => openPage('modelStore', { id: store.id, retailer })} aria-role='button'>
            {store.photoUrl && <Image className='store-row-photo' src={store.photoUrl} mode='aspectFill' lazyLoad aria-hidden />}
            <Text className='store-row-name'>{store.name}</Text>
            <Text className='line muted'>{`${store.businessType} · ${store.areaType} · ${store.district}`}</Text>
            {store.sameBusinessType && store.sameAreaType && <Text className='line store-row-like'>和您的店同类</Text>}
          </View>
        ))}
    </PageRoot>
  )
}
