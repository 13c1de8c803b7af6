import { AREA_TYPES, BUSINESS_TYPES, GUIDE_VERDICTS, HELPER_KINDS, HELPER_SCOPES, IMPORT_KINDS, INVITE_CODE_HINT, INVITE_CODE_PATTERN, LICENSE_PATTERN, MONTH_PATTERN, PERIODS, SUBSCRIBE_TEMPLATES } from './vocabulary'
import { z } from 'zod'
import { normalName, NAME_REFUSED } from './names'

/**
 * The event each function accepts. Objects are strict: an unknown field is INVALID_ARGUMENT,
 * never silently ignored. Nothing here names the caller — identity comes from the platform.
 */
const licenseNo = z.string().regex(LICENSE_PATTERN, '许可证号应为 12 位数字')
const inviteToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, '邀请链接不完整')
const inviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(INVITE_CODE_PATTERN, INVITE_CODE_HINT)
const helperScopes = z.array(z.enum(HELPER_SCOPES)).min(1).max(HELPER_SCOPES.length)
const helperId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, '帮手编号不正确')
const helperName = z
  .string()
  .max(64)
  .refine((raw) => normalName(raw) !== null, NAME_REFUSED)
  .transform((raw) => normalName(raw) ?? '')
  .pipe(z.string().min(1).max(10))
  .optional()
const month = z.string().regex(MONTH_PATTERN, '月份应为 YYYY-MM')
const catalogueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '编号不正确')
/** A second of a video: a course is at most an hour (courses.csv duration_s ≤ 3600). */
const videoSecond = z.number().min(0).max(3600)

export const events = {
  ping: z.strictObject({}),
  home: z.strictObject({}),
  bindRetailer: z.strictObject({
    licenseNo,
    phoneCode: z.string().min(1).max(128),
  }),
  markOrdered: z.strictObject({
    /** A shop the caller helps with `order` (家人已代订); absent: the caller's own shop (我已订货). */
    retailer: licenseNo.optional(),
  }),
  reminderSettings: z.strictObject({}),
  updateReminderSettings: z.strictObject({
    enabled: z.boolean().optional(),
    offsets: z
      .strictObject({ atOpen: z.boolean().optional(), closingDayNoon: z.boolean().optional(), twoHoursBefore: z.boolean().optional() })
      .optional(),
  }),
  /** The templates requestSubscribeMessage came back with as 'accept': one consent each. */
  addConsents: z.strictObject({ templates: z.array(z.enum(SUBSCRIBE_TEMPLATES)).min(1).max(3) }),
  inbox: z.strictObject({}),
  createInvite: z.strictObject({ via: z.enum(['link', 'code']), kind: z.enum(HELPER_KINDS), scopes: helperScopes }),
  previewInvite: z.union([z.strictObject({ token: inviteToken }), z.strictObject({ code: inviteCode })]),
  /** `retailer` is the shop the preview showed: an invite of another shop is refused. */
  acceptInvite: z.union([
    z.strictObject({ token: inviteToken, retailer: licenseNo, name: helperName }),
    z.strictObject({ code: inviteCode, retailer: licenseNo, name: helperName }),
  ]),
  listHelpers: z.strictObject({}),
  updateHelper: z.strictObject({ helperId, scopes: helperScopes }),
  removeHelper: z.strictObject({ helperId }),
  myRetailers: z.strictObject({}),
  helperLog: z.strictObject({}),
  summary: z.strictObject({
    period: z.enum(PERIODS),
    /** Any day of the week or month wanted (China time). */
    date: z.iso.date('日期应为 YYYY-MM-DD'),
    /** A shop the caller helps with `insights`; absent: the caller's own shop. */
    retailer: licenseNo.optional(),
  }),
  /** `retailer`: a shop the caller helps with `order`; absent: the caller's own shop. */
  suggestedOrder: z.strictObject({ retailer: licenseNo.optional() }),
  /** Keeps the edited suggested order for the cycle named (it must be the one to order in now). */
  saveOrderDraft: z.strictObject({
    retailer: licenseNo.optional(),
    cycleId: z.iso.date(),
    lines: z
      .array(z.strictObject({ skuCode: z.string().regex(/^[0-9A-Za-z]{1,32}$/), cartons: z.number().int().min(0).max(999) }))
      .max(200),
  }),
  /** Undoes 我已订货 / 家人已代订 of the open window (an imported purchase cannot be undone). */
  undoOrdered: z.strictObject({ retailer: licenseNo.optional() }),
  /** The last 8 closed cycles of the caller's shop, or one they help with `remind` or `order`. */
  orderHistory: z.strictObject({ retailer: licenseNo.optional() }),
  /** Admins only (ADMIN_OPENIDS): imports a CSV from cloud storage, in the formats `npm run import` reads. */
  importData: z.strictObject({
    kind: z.enum(IMPORT_KINDS),
    fileId: z.string().min(1).max(1024),
    skipInvalid: z.boolean().optional(),
  }),
  /** A retailer's monthly guide: the newest when `month` is absent; `retailer` a shop the caller helps with `insights`. */
  guide: z.strictObject({ month: month.optional(), retailer: licenseNo.optional() }),
  /** 有用 / 没用 on one strategy of one month's guide. */
  guideFeedback: z.strictObject({
    month,
    strategyId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '策略编号不正确'),
    verdict: z.enum(GUIDE_VERDICTS),
    retailer: licenseNo.optional(),
  }),
  /** 二维码盈利单 of one month (the newest guide's when absent). */
  profitSheet: z.strictObject({ month: month.optional(), retailer: licenseNo.optional() }),
  /** 学习. `retailer`: a shop the caller helps with `insights` (a helper may watch for the shop); absent: the caller's own. */
  courses: z.strictObject({ retailer: licenseNo.optional() }),
  course: z.strictObject({ id: catalogueId, retailer: licenseNo.optional() }),
  /** What the player saw since the page opened: where it is and the spans really played (seconds of the video). */
  courseProgress: z.strictObject({
    id: catalogueId,
    report: z.strictObject({
      positionS: videoSecond,
      played: z.array(z.tuple([videoSecond, videoSecond])).max(500),
    }),
    retailer: licenseNo.optional(),
  }),
  modelStores: z.strictObject({
    businessType: z.enum(BUSINESS_TYPES).optional(),
    areaType: z.enum(AREA_TYPES).optional(),
    district: z.string().min(1).max(20).optional(),
    retailer: licenseNo.optional(),
  }),
  modelStore: z.strictObject({ id: catalogueId, retailer: licenseNo.optional() }),
} as const

export type Events = typeof events
export type FunctionName = keyof Events
export type EventOf<N extends FunctionName> = z.input<Events[N]>
export type ParsedEventOf<N extends FunctionName> = z.output<Events[N]>
