import { useCallback, useMemo, useState } from 'react'
import { Button, Text, Video, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { CourseDetail, CourseProgressResult, Cue } from '@contracts/learning'
import { cuesAt, parseWebVtt } from '@core/learning/vtt'
import { cardProgressWords, clockWords, LEARNING_WORDS } from '@words/learning'
import { PageRoot } from '@/components/PageRoot'
import { leaveWhenSignedOut } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'
import { fetchCourse, fetchText } from '@/services/course'
import { RATES, setRate, VIDEO_ID } from './player'
import { usePlayback } from './usePlayback'
import '../learn.scss'
import { LoadState } from '@/components/LoadState'

interface Loaded {
  course: CourseDetail
  /** null: the captions could not be read; the video plays without them. */
  cues: Cue[] | null
}

const loadCourse = async (id: string, retailer?: string): Promise<Loaded> => {
  const course = await fetchCourse(id, retailer)
  Taro.setNavigationBarTitle({ title: course.title }).catch(() => undefined)
  const parsed = course.captionsUrl ? await fetchText(course.captionsUrl).then(parseWebVtt, () => null) : null
  return { course, cues: parsed?.ok ? parsed.cues : null }
}

function Player({ course, cues, retailer }: Loaded & { retailer?: string }) {
  const [result, setResult] = useState<CourseProgressResult | null>(null)
  const [rate, setChosenRate] = useState(1)
  const [failed, setFailed] = useState(false)
  // A retry mounts a fresh Video that starts where the viewer was.
  const [attempt, setAttempt] = useState(0)
  const playback = usePlayback(course.id, retailer, course.resumeAtS, setResult)
  const [startAt, setStartAt] = useState(course.resumeAtS)

  const shown = cues ? cuesAt(cues, playback.positionS) : []
  const progress = result?.progress ?? course.progress
  const choose = (next: number) => {
    setChosenRate(next)
    playback.setRate(next)
    setRate(next)
  }
  const retry = () => {
    setFailed(false)
    setStartAt(Math.floor(playback.positionS))
    setAttempt(attempt + 1)
  }
  const captions = shown.length > 0 && (
    <View className='captions' aria-live='polite'>
      {shown.map((cue, i) => (
        <Text key={`${cue.startS}-${i}`} className='caption-line'>
          {cue.text}
        </Text>
      ))}
    </View>
  )

  return (
    <View className='card course-player'>
      <View className='video-frame'>
        {failed || !course.videoUrl ? (
          <View className='video-failed' role='alert'>
            <Text className='video-failed-text'>{LEARNING_WORDS.videoFailed}</Text>
            <Button className='btn btn-primary video-retry' onClick={retry}>
              {LEARNING_WORDS.retry}
            </Button>
          </View>
        ) : (
          <Video
            key={attempt}
            id={VIDEO_ID}
            className='course-video'
            src={course.videoUrl}
            poster={course.coverUrl ?? undefined}
            initialTime={startAt}
            controls
            showCenterPlayBtn
            enableProgressGesture={false}
            objectFit='contain'
            onTimeUpdate={(e) => playback.onTimeUpdate(e.detail.currentTime)}
            onPlay={() => {
              playback.onPlay()
              setRate(rate)
            }}
            onPause={playback.onPause}
            onEnded={playback.onPause}
            onError={() => setFailed(true)}
          >
            {process.env.TARO_ENV === 'weapp' && captions}
          </Video>
        )}
        {process.env.TARO_ENV !== 'weapp' && !failed && captions}
      </View>
      <View className='rates' role='group' aria-label={LEARNING_WORDS.speed}>
        <Text className='rates-label'>{LEARNING_WORDS.speed}</Text>
        {RATES.map((r) => (
          <Button key={r} className={`rate ${r === rate ? 'is-selected' : ''}`} aria-pressed={r === rate} onClick={() => choose(r)}>
            {`${r}×`}
          </Button>
        ))}
      </View>
      <Text className={`course-state is-${progress.code}`}>
        {progress.code === 'completed' ? LEARNING_WORDS.completed : `${cardProgressWords(progress)} · 共 ${clockWords(course.durationS)}`}
      </Text>
      {cues === null && course.captionsUrl && <Text className='line muted'>字幕没能加载，视频仍可观看</Text>}
    </View>
  )
}

/** `/packages/learn/course/index?id=<courseId>[&retailer=…]`: one micro-course (微课件) with captions, resumed where this viewer stopped. */
export default function CoursePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const retailer = params.retailer || undefined
  const fetch = useCallback(() => loadCourse(id, retailer), [id, retailer])
  const { load, retry } = useLoader(fetch, { leaves: leaveWhenSignedOut })
  const tags = useMemo(() => (load.state === 'ready' ? load.data.course.tags : []), [load])

  return (
    <PageRoot className='learn-course'>
      <LoadState load={load} onRetry={retry} blocks={['skeleton-video']} text='正在加载课程…' />
      {load.state === 'ready' && (
        <>
          <View className='card'>
            <Text className='title course-heading'>{load.data.course.title}</Text>
            <Text className='line muted'>{[load.data.course.category, ...tags].join(' · ')}</Text>
          </View>
          <Player {...load.data} retailer={retailer} />
        </>
      )}
    </PageRoot>
  )
}
