import { Button, Switch, Text, View } from '@tarojs/components'
import type { ReminderSettingsData } from '@contracts'
import { describeInstant } from '@/lib/orderCountdown'
import { PageRoot } from '@/components/PageRoot'
import { errorTextOf } from '@/lib/errorText'
import { useLoader } from '@/lib/useLoader'
import { useConsentRequest } from '@/lib/useConsentRequest'
import { fetchReminderSettings, updateReminderSettings } from '@/services/reminders'
import './index.scss'
import { LoadState } from '@/components/LoadState'

type Offset = keyof ReminderSettingsData['offsets']

/** The three default reminders, in the order they come in a window. */
const OFFSETS: readonly { offset: Offset; label: string }[] = [
  { offset: 'atOpen', label: '订货开始时' },
  { offset: 'closingDayNoon', label: '截止当天 12:00' },
  { offset: 'twoHoursBefore', label: '截止前 2 小时' },
]
const LABEL = Object.fromEntries(OFFSETS.map((o) => [o.offset, o.label])) as Record<Offset, string>

/**
 * 我的 → 提醒设置: reminders on or off (turning on asks WeChat's consent on that tap), each of
 * the three reminders with its own switch, the quiet hours, how many reminders are left and the
 * next ones these settings give.
 */
export default function Reminders() {
  const { load, retry, setData } = useLoader(fetchReminderSettings)
  const { ask: turnOn, note, setNote } = useConsentRequest({
    declined: '没有开启。需要时再点一次，在微信弹出的窗口里选“允许”',
    accepted: async () => {
      setData(await updateReminderSettings({ enabled: true }))
    },
    templateId: load.state === 'ready' ? load.data.templateId : null,
  })

  const change = async (update: Parameters<typeof updateReminderSettings>[0]) => {
    setNote('')
    try {
      setData(await updateReminderSettings(update))
    } catch (failure) {
      setNote(errorTextOf(failure))
    }
  }

  if (load.state !== 'ready') {
    return (
      <PageRoot className='reminders'>
        <LoadState load={load} onRetry={retry} />
      </PageRoot>
    )
  }

  const { data } = load
  return (
    <PageRoot className='reminders'>
      <View className='card'>
        <Text className='title'>{data.enabled ? '订货提醒已开' : '订货提醒未开'}</Text>
        {data.enabled && (
          <Text className={`line reminders-left${data.exhausted ? ' reminders-exhausted' : ''}`}>
            {data.exhausted ? '提醒次数已用完' : `还可提醒 ${data.left} 次`}
          </Text>
        )}
        <Text className='line muted'>微信每同意一次，只能收到一条提醒。</Text>
        {data.enabled ? (
          <>
            <Button className='btn btn-primary add-reminders' onClick={() => void turnOn()}>
              增加提醒次数
            </Button>
            <Button className='btn disable-reminders' onClick={() => void change({ enabled: false })}>
              关闭订货提醒
            </Button>
          </>
        ) : (
          <Button className='btn btn-primary enable-reminders' onClick={() => void turnOn()}>
            开启订货提醒
          </Button>
        )}
        {note !== '' && <Text className='error-text'>{note}</Text>}
      </View>

      <View className='card'>
        <Text className='title'>什么时候提醒</Text>
        {OFFSETS.map(({ offset, label }) => (
          <View key={offset} className={`switch-row offset-${offset}`}>
            <Text className='switch-label'>{label}</Text>
            <Text className='switch-state'>{data.offsets[offset] ? '已开' : '未开'}</Text>
            <Switch
              className='row-switch offset-switch'
              checked={data.offsets[offset]}
              color='#0b6339'
              onChange={(e) => void change({ offsets: { [offset]: e.detail.value } })}
              aria-label={`${label}提醒`}
            />
          </View>
        ))}
        <Text className='line muted quiet-hours'>
          {`${data.quietHours.from}–${data.quietHours.to} 不打扰：落在这段时间的提醒，改到 ${data.quietHours.to} 发送，但不会晚于订货截止。`}
        </Text>
      </View>

      <View className='card upcoming'>
        <Text className='title'>{data.enabled ? '接下来的提醒' : '开启后的提醒时间'}</Text>
        {data.upcoming.length === 0 && <Text className='line muted'>没有打开的提醒</Text>}
        {data.upcoming.map((r) => (
          <Text key={`${r.cycleId}-${r.offset}`} className='line upcoming-reminder'>
            {`${describeInstant(Date.parse(r.at), Date.now())}　${LABEL[r.offset]}`}
          </Text>
        ))}
      </View>
    </PageRoot>
  )
}
