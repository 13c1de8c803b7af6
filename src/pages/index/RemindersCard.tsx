import { Button, Text, View } from '@tarojs/components'
import type { HomeData } from '@contracts'
import { remindersPlanText } from '@words/reminders'
import { useConsentRequest } from '@/lib/useConsentRequest'
import { updateReminderSettings } from '@/services/reminders'

type Reminders = HomeData['reminders']

/**
 * Whether reminders can reach the retailer: off, 提醒次数已用完, or how many a week are planned and
 * how many consents are left, in words — each with the one tap that fixes it (WeChat's consent is
 * one message per tap).
 */
export function RemindersCard({ reminders, onChange }: { reminders: Reminders; onChange: (next: Reminders) => void }) {
  const { ask: addMore, note } = useConsentRequest({
    declined: '没有增加。需要时再点一次，在微信弹出的窗口里选“允许”',
    accepted: async (consents) => {
      const settings = reminders.enabled ? null : await updateReminderSettings({ enabled: true })
      const enabled = reminders.enabled || (settings?.enabled ?? false)
      const perWeek = settings ? Object.values(settings.offsets).filter(Boolean).length : reminders.perWeek
      onChange({ enabled, left: consents.left, exhausted: enabled && consents.left === 0, templateId: consents.templateId, perWeek })
    },
    templateId: reminders.templateId,
  })

  return (
    <View className='card reminders-card care-hide'>
      {!reminders.enabled ? (
        <>
          <Text className='reminders-state'>订货提醒未开</Text>
          <Text className='line muted'>开启后，订货开始时、截止当天中午和截止前 2 小时，会在微信里提醒您。</Text>
          <Button className='btn btn-primary enable-reminders' onClick={() => void addMore()}>
            开启订货提醒
          </Button>
        </>
      ) : reminders.exhausted ? (
        <>
          <Text className='reminders-state reminders-exhausted'>提醒次数已用完</Text>
          <Text className='line reminders-plan'>{remindersPlanText(reminders.perWeek, reminders.left)}</Text>
          <Text className='line muted'>微信每同意一次，只能收到一条提醒。点下面的按钮，再增加一次。</Text>
          <Button className='btn btn-primary add-reminders' onClick={() => void addMore()}>
            增加提醒次数
          </Button>
        </>
      ) : (
        <>
          <Text className='reminders-state reminders-left'>
            还可提醒 <Text className='key-number'>{reminders.left}</Text> 次
          </Text>
          <Text className='line reminders-plan'>{remindersPlanText(reminders.perWeek, reminders.left)}</Text>
          <Button className='btn add-reminders' onClick={() => void addMore()}>
            增加提醒次数
          </Button>
        </>
      )}
      {note !== '' && <Text className='error-text'>{note}</Text>}
    </View>
  )
}
