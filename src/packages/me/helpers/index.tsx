import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { HelperLogData, HelpersData } from '@contracts'
import { PageRoot } from '@/components/PageRoot'
import { ErrorState } from '@/components/ErrorState'
import { messageOf } from '@/lib/messages'
import { fetchHelperLog, fetchHelpers } from '@/services/helpers'
import { HelperCard } from './HelperCard'
import { InviteCard } from './InviteCard'
import { HelperLog } from './HelperLog'
import './index.scss'

/**
 * 我的 → 家人帮手: who helps this shop and with what, changed or removed at once; inviting a
 * relative or a paired neighbour (share card, or a code to read out on the phone); and the log of
 * what helpers did.
 */
export default function Helpers() {
  const [data, setData] = useState<HelpersData | null>(null)
  const [log, setLog] = useState<HelperLogData | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      const [helpers, entries] = await Promise.all([fetchHelpers(), fetchHelperLog()])
      setData(helpers)
      setLog(entries)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  if (error !== '') {
    return (
      <PageRoot className='helpers'>
        <ErrorState message={error} onRetry={() => void load()} />
      </PageRoot>
    )
  }
  if (!data || !log) {
    return (
      <PageRoot className='helpers'>
        <Text className='muted'>正在加载…</Text>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='helpers'>
      <View className='card'>
        <Text className='title'>{`家人帮手（${data.helpers.length}/${data.max}）`}</Text>
        {data.helpers.length === 0 && <Text className='line muted'>还没有帮手。邀请家人或结对子的邻居，帮您收提醒、代订货。</Text>}
      </View>
      {data.helpers.map((helper) => (
        <HelperCard
          key={helper.helperId}
          helper={helper}
          onChanged={(next) => setData({ ...data, helpers: data.helpers.map((h) => (h.helperId === next.helperId ? next : h)) })}
          onRemoved={() => setData({ ...data, helpers: data.helpers.filter((h) => h.helperId !== helper.helperId) })}
        />
      ))}
      {data.helpers.length < data.max && <InviteCard />}
      <HelperLog log={log} />
    </PageRoot>
  )
}
