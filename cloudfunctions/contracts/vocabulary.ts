/**
 * The shared vocabulary: the words the app, the functions, the core and the tools all use, defined
 * once. This file imports nothing; every other layer imports it.
 */

export const BUSINESS_TYPES = ['食杂店', '便利店', '超市', '烟酒店', '娱乐服务', '其他'] as const
export type BusinessType = (typeof BUSINESS_TYPES)[number]
export const AREA_TYPES = ['城镇', '乡村'] as const
export type AreaType = (typeof AREA_TYPES)[number]

/** A retailer's 12-digit tobacco licence number (烟草专卖零售许可证号). */
export const LICENSE_PATTERN = /^\d{12}$/

/** Weekday 1 = Monday … 7 = Sunday; time 'HH:mm' local (UTC+8). */
export interface OrderWindow {
  openWeekday: number
  openTime: string
  closeWeekday: number
  closeTime: string
}

/** A company calendar change to one cycle, found by the cycle's id (its regular close date). */
export interface CalendarOverride {
  cycleId: string
  action: 'cancel' | 'move'
  /** ISO-8601 instants; present for `move`. */
  newOpen?: string
  newClose?: string
}

/** Holidays the company calendar moves or cancels cycles for. */
export const HOLIDAYS = ['newYear', 'springFestival', 'labourDay', 'nationalDay'] as const
export type Holiday = (typeof HOLIDAYS)[number]

export type OrderStatus = 'notOrdered' | 'ordered' | 'orderedByHelper'
/** self: the retailer tapped 我已订货; helper: 家人已代订; import: a purchase arrived from the marketing system. */
export type OrderSource = 'self' | 'helper' | 'import'

/** When in a cycle a reminder goes out: as the window opens, at 12:00 on the closing day, 2 hours before close. */
export const REMINDER_OFFSETS = ['atOpen', 'closingDayNoon', 'twoHoursBefore'] as const
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number]
export type ReminderOutcome = 'sent' | 'noConsent' | 'failed' | 'missed'

/** Our names for WeChat subscribe-message templates; each deployment maps them to its own template ids. */
/** orderReminder: the weekly order window; monthlyGuide: this month's 经营建议 (at most one a month). */
export const SUBSCRIBE_TEMPLATES = ['orderReminder', 'monthlyGuide'] as const
export type SubscribeTemplate = (typeof SUBSCRIBE_TEMPLATES)[number]

/** remind: receive the escalation reminder, see order status; order: mark 家人已代订; insights: read the operating summary. */
export const HELPER_SCOPES = ['remind', 'order', 'insights'] as const
export type HelperScope = (typeof HELPER_SCOPES)[number]
/** family: a relative (家人); neighbour: a paired neighbour (结对子) helping up to three retailers. */
export const HELPER_KINDS = ['family', 'neighbour'] as const
export type HelperKind = (typeof HELPER_KINDS)[number]
export const HELPER_ACTIONS = ['accept', 'markOrdered', 'undoOrdered', 'viewSummary', 'saveOrderDraft'] as const
export type HelperAction = (typeof HELPER_ACTIONS)[number]

/** Invite codes are read out on the phone: no 0/O or 1/I to confuse. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 6
/** A typed invite code, after trimming and upper-casing. */
export const INVITE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{6}$/
/** What a mistyped code is told: which characters codes use (the same sentence in the app and the functions). */
export const INVITE_CODE_HINT = '邀请码是 6 位，只用大写字母和数字 2–9（没有 0、O、1、I），请再核对一下'

export const PERIODS = ['week', 'month'] as const
export type PeriodKind = (typeof PERIODS)[number]

/**
 * marketing: the marketing system's monthly rows (guidance.md §1); strategies: the strategy library (服务策略库);
 * courses and modelStores: the 学习 catalogues (courses.csv, modelStores.csv), each imported whole.
 */
export const IMPORT_KINDS = ['retailers', 'skus', 'sales', 'purchases', 'inventory', 'calendar', 'marketing', 'strategies', 'courses', 'modelStores'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** A month `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** What a retailer says of one strategy of their guide (有用 / 没用). */
export const GUIDE_VERDICTS = ['useful', 'notUseful'] as const
export type GuideVerdict = (typeof GUIDE_VERDICTS)[number]

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'NOT_BOUND',
  'ALREADY_BOUND',
  'RATE_LIMITED',
  'CONFLICT',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  /** A genuine invite, but for another retailer than the one the helper was shown. */
  'TOKEN_WRONG_RETAILER',
  'LIMIT_REACHED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
