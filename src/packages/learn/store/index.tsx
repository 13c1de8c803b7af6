import { useCallback, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ModelStoreDetail } from '@contracts/learning'
import { comparisonWords, LEARNING_WORDS } from '@words/learning'
import { monthLabel } from '@words/time'
import { PageRoot } from '@/components/PageRoot'
import { leaveWhenSignedOut } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'
import { fetchModelStore } from '@/services/modelStore'
import { openVisit, VISIT_PROBLEMS } from '../visit'
import '../learn.scss'
import { LoadState } from '@/components/LoadState'

function Comparison({ store }: { store: ModelStoreDetail }) {
  return (
    <View className='card comparison'>
      <Text className='title'>{`${LEARNING_WORDS.mine} vs ${LEARNING_WORDS.model}`}</Text>
      <Text className='line muted'>{`我的店取${monthLabel(store.myMonth)}的经营数据`}</Text>
      <View className='comparison-row comparison-head' aria-hidden>
        <Text className='comparison-label' />
        <Text className='comparison-mine'>{LEARNING_WORDS.mine}</Text>
        <Text className='comparison-model'>{LEARNING_WORDS.model}</Text>
      </View>
      {store.comparison.map((line) => {
        const words = comparisonWords(line)
        return (
          <View key={line.figure} className={`comparison-row is-${line.standing ?? 'unknown'}`}>
            <Text className='comparison-label'>{words.label}</Text>
            <Text className='comparison-mine'>{words.mine}</Text>
            <Text className='comparison-model'>{words.model}</Text>
            <Text className='comparison-standing'>{words.standing}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** `/packages/learn/store/index?id=<storeId>[&retailer=…]`: a model store (示范店), beside my own shop, and its AR探店 visit. */
export default function ModelStorePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const retailer = params.retailer || undefined
  const fetch = useCallback(() => fetchModelStore(id, retailer), [id, retailer])
  const { load, retry } = useLoader(fetch, { leaves: leaveWhenSignedOut })
  const [problem, setProblem] = useState<string | null>(null)

  if (load.state !== 'ready') {
    return (
      <PageRoot className='learn-store'>
        <LoadState load={load} onRetry={retry} blocks={['skeleton-video', 'skeleton-list']} text='正在加载示范店…' />
      </PageRoot>
    )
  }
  const store = load.data
  const visit = () => {
    const outcome = openVisit(store.visit, store.name)
    setProblem(outcome === 'opened' ? null : VISIT_PROBLEMS[outcome])
  }
  return (
    <PageRoot className='learn-store'>
      {store.photoUrls.length > 0 && (
        // A row of photos; a tap opens WeChat's own viewer, which swipes through them all.
        <View className='store-photos'>
          {store.photoUrls.map((url, i) => (
            <Image
              key={url}
              className='store-photo-large'
              src={url}
              mode='aspectFill'
              aria-label={`${store.name}照片 ${i + 1}`}
              onClick={() => void Taro.previewImage({ urls: store.photoUrls, current: url })}
            />
          ))}
        </View>
      )}
      <View className='card'>
        <Text className='title store-heading'>{store.name}</Text>
        <Text className='line muted'>{`${store.businessType} · ${store.areaType} · ${store.district}`}</Text>
        <Text className='line muted'>{store.address}</Text>
        <Button className='btn btn-primary btn-large visit-button' onClick={visit}>
          {LEARNING_WORDS.visit}
        </Button>
        {problem && (
          <View role='alert'>
            <Text className='error-text visit-problem'>{problem}</Text>
          </View>
        )}
      </View>
      <Comparison store={store} />
      <View className='card display-points'>
        <Text className='title'>{LEARNING_WORDS.displayPoints}</Text>
        {store.displayPoints.map((point, i) => (
          <Text key={i} className='line display-point'>{`${i + 1}. ${point}`}</Text>
        ))}
      </View>
    </PageRoot>
  )
}
