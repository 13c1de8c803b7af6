import type { MonthlyGuideContent, OrderReminderContent, SubscribeContent } from '../core/ports'
import { durationText, templateTime } from './time'

/**
 * WeChat rejects a whole subscribe message (errcode 47003) when one field is longer than its type
 * allows, and a reminder that never arrives is worse than a shortened one. The type is the key's
 * prefix: `thing3` is a thing, `character_string2` a character_string.
 */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
}

/** Only `thing` is free text; the other types accept no ellipsis character, so they are cut short. */
const ELLIPSIS_TYPES = new Set(['thing'])

export const fieldType = (key: string): string => key.replace(/\d+$/, '')

/** Counts characters as WeChat does (a Chinese character or an emoji is one), never splitting a pair. */
const cut = (value: string, max: number, ellipsis: boolean): string => {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('')
}

/** The same data with every value fitted to its field's limit; types without a length limit (time, date, amount) pass as they are. */
export const fitSubscribeData = (data: Readonly<Record<string, string>>): Record<string, string> => {
  const fitted: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    const type = fieldType(key)
    const max = FIELD_LIMITS[type]
    fitted[key] = max === undefined ? value : cut(value, max, ELLIPSIS_TYPES.has(type))
  }
  return fitted
}

/** Fits WeChat's `thing` limit (20 characters) with the longest duration text, 6天23小时. */
export const reminderTip = ({ role, offset, msLeft }: Pick<OrderReminderContent, 'role' | 'offset' | 'msLeft'>): string => {
  const left = durationText(msLeft)
  if (role === 'helper') return `家人还未订货，还剩${left}`
  if (offset === 'atOpen') return `本周订货已开始，${left}后截止`
  if (offset === 'closingDayNoon') return `今天截止订货，还剩${left}`
  return `订货即将截止，还剩${left}`
}

/** 「2026年10月经营建议已生成」 and the first strategy, or a plain pointer when none matched. */
const guideFields = ({ shopName, month, strategyTitle }: MonthlyGuideContent): Record<string, string> => ({
  thing1: shopName,
  thing2: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月经营建议已生成`,
  thing3: strategyTitle ?? '打开看看本月经营指导书',
})

/**
 * A message's template and fields as WeChat takes them, every value fitted to its field's limit.
 * Each is laid out as its template (choose one with these keywords in the WeChat console): the
 * order reminder thing1 店铺名称, time2 截止时间, thing3 温馨提示; the monthly guide thing1 店铺名称,
 * thing2 通知内容, thing3 本月建议.
 */
export const subscribeFields = (content: SubscribeContent): { template: string; data: Record<string, string> } => ({
  template: content.template,
  data: fitSubscribeData(
    content.template === 'monthlyGuide'
      ? guideFields(content)
      : { thing1: content.shopName, time2: templateTime(content.closesAt), thing3: reminderTip(content) },
  ),
})
