import Taro from '@tarojs/taro'
import type { ConsentsData, EventOf, ReminderSettingsData } from '@contracts'
import { call, ClientError } from './client'

/** Our template name (SUBSCRIBE_TEMPLATES in cloudfunctions/core/model.ts) for the order reminder. */
export type SubscribeTemplate = ConsentsData['template']

/**
 * Asks for one more reminder. Subscribe messages are one-time: each consent carries one message,
 * and WeChat lets `requestSubscribeMessage` ask only from the user's own tap — so call this first
 * thing in a tap handler, before any other await. The functions count the accepted templates.
 * The H5 build has no WeChat to ask: on the local host the tap itself is the consent.
 * Resolves null when the user declined.
 */
export const askForReminders = async (templateId: string | null, template: SubscribeTemplate = 'orderReminder'): Promise<ConsentsData | null> => {
  if (process.env.TARO_ENV === 'weapp') {
    // The id comes from the functions (their SUBSCRIBE_TEMPLATE_* configuration, returned with the
    // page's data), the one place it is configured: the app asks consent for exactly what they send.
    const id = templateId
    if (!id) throw new ClientError('INTERNAL', '未配置订阅消息模板，请联系客户经理')
    // Taro's typing wants Alipay's entityIds too; WeChat takes tmplIds alone.
    const option = { tmplIds: [id] } as Taro.requestSubscribeMessage.Option
    // A failure here is WeChat refusing to ask (subscriptions turned off in its settings): same as declining.
    const answer = (await Taro.requestSubscribeMessage(option).catch(() => ({}))) as Taro.requestSubscribeMessage.SuccessCallbackResult
    if (answer[id] !== 'accept') return null
  }
  return call('addConsents', { templates: [template] })
}

export const fetchReminderSettings = (): Promise<ReminderSettingsData> => call('reminderSettings', {})

export const updateReminderSettings = (change: EventOf<'updateReminderSettings'>): Promise<ReminderSettingsData> =>
  call('updateReminderSettings', change)
