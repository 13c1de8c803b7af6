import { Text, View } from '@tarojs/components'
import type { HelpersData } from '@contracts'
import { PageRoot } from '@/components/PageRoot'
import { useLoader } from '@/lib/useLoader'
import { fetchHelperLog, fetchHelpers } from '@/services/helpers'
import { HelperCard } from './HelperCard'
import { InviteCard } from './InviteCard'
import { HelperLog } from './HelperLog'
import './index.scss'
import { LoadState } from '@/components/LoadState'

/** The helpers and the log of what they did, in one load. */
const fetchPage = () => Promise.all([fetchHelpers(), fetchHelperLog()])

/**
 * 我的 → 家人帮手: who helps this shop and with what, changed or removed at once; inviting a
 * relative or a paired neighbour (share card, or a code to read out on the phone); and the log of
 * what helpers did.
 */
export default function Helpers() {
  const { load, retry, setData: setLoaded } = useLoader(fetchPage)

  if (load.state !== 'ready') {
    return (
      <PageRoot className='helpers'>
        <LoadState load={load} onRetry={retry} />
      </PageRoot>
    )
  }

  const [data, log] = load.data
  const setData = (helpers: HelpersData) => setLoaded([helpers, log])
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
