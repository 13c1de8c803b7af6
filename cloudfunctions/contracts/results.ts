import type { ImportReport, OrderDraftView, SuggestedOrderData, SummaryData } from './insights'
import type { GuideData, GuideFeedbackResult, GuideTip, ProfitSheetData } from './guidance'
import type { CourseDetail, CourseProgressResult, CoursesData, ModelStoreDetail, ModelStoresData } from './learning'
import type { AreaType, BusinessType, HelperAction, HelperKind, HelperScope, ReminderOffset, ReminderOutcome, SubscribeTemplate, CalendarOverride, OrderWindow, OrderSource, OrderStatus, Holiday } from './vocabulary'

export type * from './insights'
export type * from './guidance'

export interface RetailerCard {
  licenseNo: string
  shopName: string
  grade: number
  district: string
  businessType: BusinessType
  areaType: AreaType
  integrityScore: number
  monthlyQuotaCartons: number
}

export interface HomeData {
  shop: RetailerCard
  orderWindow: OrderWindow
  /** Calendar changes to upcoming cycles; the client computes the countdown from these and its own clock. */
  overrides: CalendarOverride[]
  /** What the page says about holidays in the next three weeks: 国庆期间订货时间调整为 … */
  calendarNotices: CalendarNotice[]
  /** The cycle the shop is in, or waiting for: 未订货 / 已订货 / 家人已代订. */
  order: OrderStatusView
  /** How the last closed cycle went; null when none closed in six weeks. */
  lastCycle: LastCycleResult | null
  reminders: HomeReminders
  manager: { name: string; phone: string }
  /** 本月经营建议: the newest guide's first strategy; null when the shop has no guide yet. */
  guide: GuideTip | null
}

export interface BindResult {
  licenseNo: string
  shopName: string
}

/** What each function returns in `data` when it succeeds. */
export interface Results {
  ping: { pong: true }
  home: HomeData
  bindRetailer: BindResult
  markOrdered: MarkOrderedResult
  reminderSettings: ReminderSettingsData
  updateReminderSettings: ReminderSettingsData
  addConsents: ConsentsData
  inbox: InboxData
  createInvite: CreateInviteResult
  previewInvite: InvitePreview
  acceptInvite: AcceptInviteResult
  listHelpers: HelpersData
  updateHelper: HelperView
  removeHelper: { removed: true }
  myRetailers: MyRetailersData
  helperLog: HelperLogData
  summary: SummaryData
  suggestedOrder: SuggestedOrderData
  saveOrderDraft: OrderDraftView
  undoOrdered: UndoOrderedResult
  orderHistory: OrderHistoryData
  importData: ImportReport
  guide: GuideData
  guideFeedback: GuideFeedbackResult
  profitSheet: ProfitSheetData
  courses: CoursesData
  course: CourseDetail
  courseProgress: CourseProgressResult
  modelStores: ModelStoresData
  modelStore: ModelStoreDetail
}

// ——— Order status, reminders and helpers. Instants are ISO-8601 with +08:00. ———


export interface OrderStatusView {
  cycleId: string
  status: OrderStatus
  markedAt: string | null
  /** self: 我已订货; helper: 家人已代订; import: a purchase came in from the marketing system. */
  source: OrderSource | null
}

export interface LastCycleResult {
  cycleId: string
  closedAt: string
  result: OrderStatus
}

/** One closed cycle of the order history: its status and, when purchases are imported, what was bought in it. */
export interface CycleHistoryEntry {
  cycleId: string
  opensAt: string
  closedAt: string
  status: OrderStatus
  source: OrderSource | null
  /** Cartons and wholesale amount of the purchases dated in the cycle; null: none imported for it. */
  cartons: number | null
  amountFen: number | null
}

export interface OrderHistoryData {
  licenseNo: string
  shopName: string
  /** The last ORDER_HISTORY_CYCLES closed cycles, newest first. */
  cycles: CycleHistoryEntry[]
}

export interface UndoOrderedResult extends OrderStatusView {
  licenseNo: string
}

/** A calendar change to one of the next cycles: moved to new instants, or cancelled (`closesAt` is the regular close). */
export interface CalendarNotice {
  cycleId: string
  action: 'cancel' | 'move'
  /** null: the company did not say which holiday (节假日). */
  holiday: Holiday | null
  opensAt?: string
  closesAt: string
}

export interface ReminderStatus {
  enabled: boolean
  /** Consents held for the reminder template: how many reminders can still reach this user. */
  left: number
  /** Reminders are on but none can be delivered: show 提醒次数已用完 and a one-tap way to add more. */
  exhausted: boolean
  /** The WeChat template id to ask consent for, from the functions' configuration (null: not configured). */
  templateId: string | null
}

/** The home page's reminders card: the status, and how many reminders a cycle the settings plan. */
export interface HomeReminders extends ReminderStatus {
  /** Reminders planned per weekly cycle (the offsets turned on): 0–3. */
  perWeek: number
}

export interface MarkOrderedResult extends OrderStatusView {
  licenseNo: string
}

export interface ReminderSettingsData extends ReminderStatus {
  offsets: Record<ReminderOffset, boolean>
  quietHours: { from: string; to: string }
  /** The template to ask consent for with requestSubscribeMessage (mapped to the real template id by config). */
  template: SubscribeTemplate
  /** The next reminders these settings give, whether on or off (a preview while off). */
  upcoming: { offset: ReminderOffset; at: string; cycleId: string; last: boolean }[]
}

export interface ConsentsData {
  template: SubscribeTemplate
  left: number
  /** The WeChat template id to ask consent for, from the functions' configuration (null: not configured). */
  templateId: string | null
}

export interface InboxEntry {
  id: string
  /** When it was sent (or found unsendable). */
  at: string
  dueAt: string
  retailer: { licenseNo: string; shopName: string }
  cycleId: string
  /** When the cycle the reminder was about closed (or closes). */
  closesAt: string
  /** owner: the caller's own shop; helper: a shop the caller helps, which had not ordered by its last reminder. */
  role: 'owner' | 'helper'
  offset: ReminderOffset
  outcome: ReminderOutcome
}

/** A new monthly guide (本月经营建议), told once per shop and month. */
export interface GuideNoticeEntry {
  id: string
  /** When it was told. */
  at: string
  month: string
  retailer: { licenseNo: string; shopName: string }
  /** The guide's first strategy, as the notice names it; null when none matched. */
  strategyTitle: string | null
  /** Whether a subscribe message went out too (with a consent, outside quiet hours). */
  messaged: boolean
}

export interface InboxData {
  entries: InboxEntry[]
  /** New-guide notices, newest first. */
  guides: GuideNoticeEntry[]
}

/** What one run of the reminder timer did (fresh outcomes only; a slot settled earlier is not counted again). */
export interface RemindTickReport {
  pages: number
  schedules: number
  sent: number
  /** Sent to helpers because the shop had not ordered by its last reminder. */
  escalated: number
  noConsent: number
  failed: number
  missed: number
  retrying: number
  alreadyOrdered: number
  /** Slots a dead run left in flight (it may or may not have reached WeChat), recorded as sent: at most once. */
  reconciled: number
  /** Shops whose reminding failed (a database or notifier error); they stay due and are retried next run. */
  errors: number
  /** Due schedules this run left for the next one when its time budget ran out. */
  deferred: number
  /** Schedules recomputed after an import marked them (new windows or calendar). */
  refreshed: number
  /** Workers this run fanned out to (0: it did the work itself). */
  workers: number
  /** New-guide notices settled this tick (messages after quiet hours, or left by a build that died). */
  guideNotices: number
}

/** A worker's share of one instant's due schedules: license numbers from `from` (inclusive) to `to` (exclusive); null: unbounded. */
export interface TickShare {
  from: string | null
  to: string | null
}

export interface RetailerRef {
  licenseNo: string
  shopName: string
}

/** A link invite carries `token` (for the share card's path), a phone invite `code`. */
export type CreateInviteResult = ({ via: 'link'; token: string } | { via: 'code'; code: string }) & {
  retailer: RetailerRef
  kind: HelperKind
  scopes: HelperScope[]
  expiresAt: string
}

export interface InvitePreview {
  retailer: RetailerRef
  kind: HelperKind
  scopes: HelperScope[]
  expiresAt: string
}

export interface AcceptInviteResult {
  retailer: RetailerRef
  kind: HelperKind
  scopes: HelperScope[]
  name: string
  /** The WeChat template id to ask the new helper's consent for (null: not configured). */
  templateId: string | null
}

export interface HelperView {
  /** Names the helper in updateHelper / removeHelper; never an openid. */
  helperId: string
  name: string
  kind: HelperKind
  scopes: HelperScope[]
  addedAt: string
}

export interface HelpersData {
  helpers: HelperView[]
  max: number
}

export interface MyRetailerView extends RetailerRef {
  kind: HelperKind
  scopes: HelperScope[]
  orderWindow: OrderWindow
  overrides: CalendarOverride[]
  phase: 'open' | 'upcoming'
  cycleId: string
  opensAt: string
  closesAt: string
  /** Null unless the helper has `remind` or `order`. */
  order: OrderStatusView | null
  /** The owner, for 打电话给店主. */
  owner: { name: string; phone: string }
}

export interface MyRetailersData {
  retailers: MyRetailerView[]
  /** The helper's own consents for escalation reminders (ask for more with requestSubscribeMessage + addConsents). */
  consents: ConsentsData
}

export interface HelperLogData {
  /** `at`: when it happened (for views, the day's first); `views`: how many times that day (viewSummary only). */
  entries: { at: string; helperId: string; helperName: string; action: HelperAction; views?: number }[]
}

/** What the monthly cleanup deleted, per collection. */
export interface CleanupResult {
  /** Consent documents given their own spent count before their slots were deleted. */
  consentsSettled: number
  reminderSlots: number
  sends: number
  invites: number
  counters: number
  helperLog: number
  imports: number
}
