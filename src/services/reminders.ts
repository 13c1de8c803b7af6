import Taro from '@tarojs/taro'
import type { ConsentsData, EventOf, ReminderSettingsData } from '@contracts'
import { call, ClientError } from './client'

/** Our template name (SUBSCRIBE_TEMPLATES in cloudfunctions/core/model.ts) for the order reminder. */
export type SubscribeTemplate = ConsentsData['template']

/**
 * Each deployment registers its own WeChat template and puts its id in `.env` as
 * TARO_APP_TEMPLATE_ORDER_REMINDER; the functions send with the same id from
 * SUBSCRIBE_TEMPLATE_ORDER_REMINDER. Written out literally so Taro inlines it at build time.
 */
const TEMPLATE_IDS: Readonly<Record<SubscribeTemplate, string | undefined>> = {
  orderReminder: process.env.TARO_APP_TEMPLATE_ORDER_REMINDER,
  monthlyGuide: process.env.TARO_APP_TEMPLATE_MONTHLY_GUIDE,
}

/**
 * Asks for one more reminder. Subscribe messages are one-time: each consent carries one message,
 * and WeChat lets `requestSubscribeMessage` ask only from the user's own tap — so call this first
 * thing in a tap handler, before any other await. The functions count the accepted templates.
 * The H5 build has no WeChat to ask: on the local host the tap itself is the consent.
 * Resolves null when the user declined.
 */
export const askForReminders = async (template: SubscribeTemplate = 'orderReminder'): Promise<ConsentsData | null> => {
  if (process.env.TARO_ENV === 'weapp') {
    const id = TEMPLATE_IDS[template]
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
