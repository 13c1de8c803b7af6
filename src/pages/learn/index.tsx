import { Button, Image, Text, View } from '@tarojs/components'
import type { CourseCard, CoursesData, ModelStoreCard, ModelStoresData } from '@contracts/learning'
import { cardProgressWords, clockWords, RECOMMEND_WORDS } from '@words/learningCards'
import { PageRoot } from '@/components/PageRoot'
import { Loading } from '@/components/Loading'
import { ErrorState } from '@/components/ErrorState'
import { leaveWhenSignedOut, openPage } from '@/lib/routes'
import { usePullToRefresh, useLoader } from '@/lib/useLoader'
import { fetchCourses, fetchModelStores } from '@/services/learning'
import { useDidShow } from '@tarojs/taro'
import './index.scss'

/** Model stores the tab shows; the rest, with filters, are a tap away. */
const STORES_ON_TAB = 3

const load = async (): Promise<{ courses: CoursesData; stores: ModelStoresData }> => {
  const [courses, stores] = await Promise.all([fetchCourses(), fetchModelStores()])
  return { courses, stores }
}

function CourseItem({ course }: { course: CourseCard }) {
  return (
    <View className='course-card' hoverClass='is-pressed' onClick={() => openPage('course', { id: course.id })} aria-role='button'>
      {course.coverUrl && <Image className='course-cover' src={course.coverUrl} mode='aspectFill' lazyLoad aria-hidden />}
      <View className='course-text'>
        {course.recommended && <Text className='course-badge'>{RECOMMEND_WORDS[course.recommended]}</Text>}
        <Text className='course-title'>{course.title}</Text>
        <Text className='course-meta muted'>{`${course.category} · ${clockWords(course.durationS)}`}</Text>
        <Text className={`course-progress is-${course.progress.code}`}>{cardProgressWords(course.progress)}</Text>
      </View>
    </View>
  )
}

function StoreItem({ store }: { store: ModelStoreCard }) {
  return (
    <View className='store-card' hoverClass='is-pressed' onClick={() => openPage('modelStore', { id: store.id })} aria-role='button'>
      {store.photoUrl && <Image className='store-photo' src={store.photoUrl} mode='aspectFill' lazyLoad aria-hidden />}
      <View className='store-text'>
        <Text className='store-name'>{store.name}</Text>
        <Text className='store-meta muted'>{`${store.businessType} · ${store.areaType} · ${store.district}`}</Text>
      </View>
    </View>
  )
}

/** 学习: micro-courses (微课堂) and model stores (示范店) to visit; the player and the visits live in packages/learn. */
export default function Learn() {
  const { load: state, retry, reload } = useLoader(load, { leaves: leaveWhenSignedOut })
  usePullToRefresh(reload)
  // Back from a course: its card shows how far the viewer got.
  useDidShow(() => {
    if (state.state === 'ready') void reload()
  })

  if (state.state === 'loading') {
    return (
      <PageRoot className='learn'>
        <Loading blocks={['skeleton-list', 'skeleton-list']} text='正在加载学习内容…' />
      </PageRoot>
    )
  }
  if (state.state === 'error') {
    return (
      <PageRoot className='learn'>
        {state.error.code === 'NOT_BOUND' ? (
          <View className='card'>
            <Text className='title'>还没有绑定店铺</Text>
            <Text className='line muted'>绑定店铺后，这里有讲收银、扫码、收款和订货的小视频，还能看示范店。</Text>
          </View>
        ) : (
          <ErrorState message={state.error.message} onRetry={retry} />
        )}
      </PageRoot>
    )
  }
  const { courses, stores } = state.data
  return (
    <PageRoot className='learn'>
      <View className='card'>
        <Text className='title'>微课堂</Text>
        {courses.courses.length === 0 ? (
          <Text className='line muted'>还没有课程</Text>
        ) : (
          courses.courses.map((course) => <CourseItem key={course.id} course={course} />)
        )}
      </View>
      <View className='card'>
        <Text className='title'>示范店</Text>
        <Text className='line muted'>看看同类好店怎么陈列，进店转一圈</Text>
        {stores.stores.length === 0 ? (
          <Text className='line muted'>还没有示范店</Text>
        ) : (
          stores.stores.slice(0, STORES_ON_TAB).map((store) => <StoreItem key={store.id} store={store} />)
        )}
        {stores.stores.length > STORES_ON_TAB && (
          <Button className='btn all-stores' onClick={() => openPage('modelStores')}>
            {`查看全部 ${stores.stores.length} 家示范店`}
          </Button>
        )}
      </View>
    </PageRoot>
  )
}
