import type { AreaType, BusinessType, GuideVerdict, HelperAction, HelperKind, HelperScope, OrderSource, OrderWindow, ReminderOffset, ReminderOutcome, SubscribeTemplate } from '../contracts/vocabulary'
import type { Guide, GuidanceClass, GuideTip, Strategy } from '../contracts/guidance'
import type { Course, CourseProgress, ModelStore } from '../contracts/learning'
import type { MarketingFigures } from './guidance/inputs'

/** Documents the core keeps. Money is integer fen (分); instants are epoch ms or ISO-8601. */


/** A licensed shop (零售户), keyed by its 12-digit license number. */
export interface Retailer {
  _id: string
  licenseNo: string
  shopName: string
  ownerName: string
  phone: string
  businessType: BusinessType
  areaType: AreaType
  district: string
  grade: number
  integrityScore: number
  monthlyQuotaCartons: number
  orderWindow: OrderWindow
  manager: { name: string; phone: string }
}

/** A cigarette product (品规), keyed by its code. */
export interface Sku {
  _id: string
  skuCode: string
  name: string
  brand: string
  priceBand: string
  wholesaleFenPerCarton: number
  retailFenPerPack: number
  isKey: boolean
  isNew: boolean
}

/** The WeChat user who owns a shop's account; one per shop (keyed by license) and one shop per user. */
export interface Binding {
  _id: string
  openId: string
  boundAt: string
}

/** A counter in a time bucket, for rate limits. */
export interface Counter {
  _id: string
  count: number
  bucketEndsAt: number
}

/**
 * A company calendar change (calendar.csv): `scope` is a license number, a district name or `*`;
 * the id is `${scope}|${cycleId}` so re-importing a row replaces it.
 */
export interface CalendarEntry {
  _id: string
  scope: string
  cycleId: string
  action: 'cancel' | 'move'
  newOpen?: string
  newClose?: string
}

/** A retailer's order for one cycle; id `${licenseNo}|${cycleId}`. */
export interface OrderRecord {
  _id: string
  licenseNo: string
  cycleId: string
  source: OrderSource
  /** openid of whoever marked it, when a person did. */
  by?: string
  at: string
}

/**
 * The suggested order as the retailer (or a helper with `order`) edited it, kept for one cycle;
 * id `${licenseNo}|${cycleId}`, as the order record.
 */
export interface OrderDraft {
  _id: string
  licenseNo: string
  cycleId: string
  lines: { skuCode: string; cartons: number }[]
  by: string
  role: 'owner' | 'helper'
  at: string
}

// ——— Shop data (operating summary): POS sales, purchases and inventory ———
//
// VersionedCache the CloudBase way, as few rich documents rather than one per CSV row:
// - `…Weeks` hold one retailer-week's raw rows, id `${licenseNo}|${weekStart}` (the week's Monday,
//   China time): `days[date]` is that day's rows as CSV text, one line `skuCode,…values` per SKU
//   (fields in FACT_FIELDS). A million imported rows become a few thousand small documents of a
//   few strings each, and a re-imported (date, skuCode) replaces its line, so corrections adjust
//   the aggregates by the difference.
// - `…Months` hold one retailer-month's aggregates, id `${licenseNo}|${month}` (YYYY-MM): the
//   sums of each day (`daily.<field>[d]` is day d + 1; null when that day has no rows) and, for
//   sales and purchases, per-SKU totals. The summary reads a handful of these whatever the history.

/** The values each fact row carries after its date and SKU code, in row order. */
export const FACT_FIELDS = {
  /** costFen: packs at the wholesale price when imported, rounded to the fen. */
  sales: ['packs', 'salesFen', 'costFen'],
  purchases: ['cartons', 'amountFen'],
  inventory: ['packs'],
} as const
export type FactKind = keyof typeof FACT_FIELDS
export type FactField<K extends FactKind> = (typeof FACT_FIELDS)[K][number]

export interface RawWeek {
  _id: string
  licenseNo: string
  weekStart: string
  days: Record<string, string>
}

export type SkuTotal<F extends string> = { skuCode: string } & Record<F, number>

export interface FactMonth<F extends string = string> {
  _id: string
  licenseNo: string
  month: string
  /** Sums over the month (additive kinds only; empty for inventory). */
  totals: Partial<Record<F, number>>
  daily: Partial<Record<F, (number | null)[]>>
  skus: SkuTotal<F>[]
}

/** Per-SKU totals also carry `soldDays`: bit d is set when the SKU sold on day d + 1. */
export type SalesSkuTotal = SkuTotal<FactField<'sales'>> & { soldDays: number }
export interface SalesMonth extends FactMonth<FactField<'sales'>> {
  totals: Record<FactField<'sales'>, number>
  daily: Record<FactField<'sales'>, (number | null)[]>
  skus: SalesSkuTotal[]
}
export interface PurchaseMonth extends FactMonth<FactField<'purchases'>> {
  totals: Record<FactField<'purchases'>, number>
  daily: Pick<Record<FactField<'purchases'>, (number | null)[]>, 'cartons'>
}
/** `daily.packs[d]`: packs on hand counted on day d + 1 (null: no count that day). */
export interface InventoryMonth extends FactMonth<'packs'> {
  daily: { packs: (number | null)[] }
  skus: []
}

/**
 * Peer statistics of one month for the retailers of one business type and area type whose grade
 * is within ±2 of `grade`: the benchmark of every retailer of that grade. Each metric holds its
 * peers' values sorted ascending — exact up to 101 peers, otherwise the 101 percentiles 0…100.
 * id `${month}|${businessType}|${areaType}|${grade}`.
 */
export interface PeerStats {
  _id: string
  month: string
  businessType: BusinessType
  areaType: AreaType
  grade: number
  peers: number
  salesFen: number[]
  grossMargin: number[]
  turnoverDays: number[]
}

/**
 * One import of one file: the journal that makes an import that stopped half-way roll back.
 * id `${kind}|${startedAt}|${uuid}`; `sha256` (of the file's bytes) and the counts are set when done.
 */
export interface ImportRecord {
  _id: string
  kind: string
  sha256: string
  file: string
  state: 'applying' | 'done' | 'rolledBack'
  startedAt: string
  finishedAt?: string
  rows: number
  imported: number
  /** An import in chunks (CloudBase): where its next chunk goes on from, saved at the end of each. */
  resume?: ImportResume
}

/** What the next chunk of an import needs that is not in the store's documents already. */
export interface ImportResume {
  /** Data rows (as the check counts them) whose writes are done: the next chunk applies the rows after them. */
  rows: number
  /** The journal's next undo record number, and the documents it wrote so far. */
  seq: number
  changed: number
  /** Months whose aggregates the chunks so far changed (their peer statistics are refreshed at the end). */
  months: string[]
  skipInvalid: boolean
  /** Chunks done. */
  chunks: number
}

/**
 * What one batch of an import changed, written before the batch itself: the ids it created and
 * the documents as they were, so an import that stops half-way can be undone. id `${importId}|${seq}`.
 */
export interface ImportUndo {
  _id: string
  importId: string
  seq: number
  collection: string
  created: string[]
  /** Removes a created id on undo only while it still matches (an order a person marked since stays). */
  createdWhere?: Record<string, string>
  before: { _id: string }[]
}

// ——— Order reminders and family helpers ———


/**
 * A retailer's reminder settings and how far the timer has got with them; id = license number.
 * `nextFireAt` is indexed: the timer reads only schedules with `nextFireAt <= now`.
 */
export interface ReminderSchedule {
  _id: string
  licenseNo: string
  enabled: boolean
  offsets: Record<ReminderOffset, boolean>
  /** Every reminder due at or before this instant (epoch ms) is settled; null until the first tick. */
  cursor: number | null
  /** When the next reminder falls due (epoch ms); null while reminders are off. */
  nextFireAt: number | null
  /** Bumped on every write, so the timer and a settings change never overwrite each other. */
  version: number
  updatedAt: string
  /** Set by a retailers or calendar import: the timer recomputes nextFireAt from the new windows. */
  refresh?: boolean
}

/** Subscribe-message consents one WeChat user gave for one template; id `${openId}|${template}`. */
export interface Consent {
  _id: string
  openId: string
  template: SubscribeTemplate
  /** Consents ever granted (minus those WeChat said were gone). */
  granted: number
  /** Consents spent: one per claimed slot, given back when the slot sent nothing. Absent on documents from before it was kept. */
  spent?: number
  /** The slot charged last and refunded last: a resumed slot is charged or refunded once. */
  lastCharge?: string
  lastRefund?: string
}


/**
 * One reminder slot — (retailer, cycle, offset, recipient) — and what became of it. The id is the
 * slot key, which is also the message's idempotency key: claiming the slot is inserting this document.
 */
export interface ReminderSlot {
  _id: string
  licenseNo: string
  cycleId: string
  offset: ReminderOffset
  recipient: string
  /** owner: the retailer; helper: a family helper reminded because the retailer had not ordered by the last reminder. */
  role: 'owner' | 'helper'
  template: SubscribeTemplate
  dueAt: number
  closesAt: number
  state: 'claimed' | 'done'
  /** True while the slot holds one of the recipient's consents: the claim is the charge, so a consent is spent once. */
  charged: boolean
  attempts: number
  outcome?: ReminderOutcome
  /** The message was in flight when a run died and WeChat cannot be asked, so it counts as sent (at most once). */
  assumed?: boolean
  claimedAt: string
  /**
   * While claimed: when a run began sending it (epoch ms), null while it waits for a retry. The
   * slot is the sends ledger: WeChat has no idempotency key, so a slot found in flight longer
   * than a run can live was sent or not by a run that died, and is reconciled as sent (at most once).
   */
  sendingSince?: number | null
  recordedAt?: string
}

/** The sends ledger: one entry per message key, written before the notifier is called. */
export interface SendRecord {
  _id: string
  state: 'sending' | 'done'
  outcome?: 'sent' | 'noConsent' | 'failed'
  startedAt: string
  finishedAt?: string
}


/** An invitation to help a shop; id = SHA-256 of the token, or of `code:` + the code. Nothing stores the secret itself. */
export interface Invite {
  _id: string
  via: 'link' | 'code'
  licenseNo: string
  kind: HelperKind
  scopes: HelperScope[]
  createdAt: string
  expiresAt: number
  usedBy: string | null
  usedAt: string | null
}

/** A helper of one shop; id `${licenseNo}|${openId}`. Pages name a helper by `helperId`, so no openid reaches another user. */
export interface Helper {
  _id: string
  helperId: string
  licenseNo: string
  openId: string
  kind: HelperKind
  scopes: HelperScope[]
  name: string
  addedAt: string
  addedAtMs: number
}


/**
 * One thing a helper did for a shop, for the shop's owner to read; views of one day are one entry
 * (id `${licenseNo}|views|${helperId}|${date}`) counting them in `views`.
 */
export interface HelperLogEntry {
  _id: string
  licenseNo: string
  helperId: string
  helperName: string
  action: HelperAction
  at: string
  atMs: number
  views?: number
}

// ——— Digital operating guidance (guidance.md) ———

/**
 * A retailer's row of the marketing system's monthly data (营销系统月度数据); id `${licenseNo}|${month}`.
 * Re-importing a month replaces the rows of the shops it lists.
 */
export interface MarketingMonth extends MarketingFigures {
  _id: string
  licenseNo: string
  month: string
}

/** One strategy of the library in the store (the `strategies` import replaces the whole library); id = strategy id. */
export interface StoredStrategy extends Strategy {
  _id: string
}

/** A retailer's guide of one month, id `${licenseNo}|${month}`: exactly what guideOf built, so a rebuild compares whole. */
/**
 * A guide as stored: with `tip`, 首页's line from it, worked out when the guide is built so the
 * home page reads a few hundred bytes of it, not the whole guide (absent on guides built before).
 */
export type StoredGuide = Guide & { _id: string; tip?: GuideTip }

/**
 * How far the build of one month got; id = the month. `fingerprint` names what the guides are
 * built from (the data version, the configuration, the library): a build resumes from `cursor`
 * only while it is the same, otherwise it starts again.
 */
export interface GuideBuild {
  _id: string
  month: string
  fingerprint: string
  configVersion: string
  state: 'guides' | 'notices' | 'done'
  /** The last license number whose guide (phase guides) or notice (phase notices) is settled; '' before the first. */
  cursor: string
  pool: number
  written: number
  unchanged: number
  removed: number
  /** How many guides of each class, once done. */
  classes?: Record<GuidanceClass, number>
  startedAt: string
  updatedAt: string
  finishedAt?: string
}

/**
 * The notice of a new guide to the shop's owner: once per shop and month, id `${licenseNo}|${month}`.
 * Claimed like a reminder slot: inserted pending, a subscribe message sent at most once through the
 * sends ledger with the id as its key, then recorded. `charged` holds one monthlyGuide consent.
 */
export interface GuideNotice {
  _id: string
  licenseNo: string
  month: string
  recipient: string
  template: SubscribeTemplate
  state: 'pending' | 'claimed' | 'done'
  /** Not before this instant (epoch ms): quiet hours move a message to 08:00; null once settled (indexed: the tick reads due ones). */
  dueAt: number | null
  charged: boolean
  attempts: number
  /** inbox: told on 首页 and in 消息 only (no consent held). */
  outcome?: 'sent' | 'inbox' | 'failed'
  assumed?: boolean
  createdAt: string
  recordedAt?: string
}

/** 有用 / 没用 on one strategy of a guide, by one user; id `${licenseNo}|${month}|${strategyId}|${openId}`. */
export interface GuideFeedback {
  _id: string
  licenseNo: string
  month: string
  strategyId: string
  openId: string
  verdict: GuideVerdict
  at: string
}

/** A course of the catalogue; `rank` is its row in the imported file (the list keeps the company's order). */
export interface CourseDoc extends Course {
  _id: string
  rank: number
}

/** A model store (示范店) of the catalogue, in the file's order. */
export interface ModelStoreDoc extends ModelStore {
  _id: string
  rank: number
}

/**
 * One viewer's progress on one course for one shop; id `${licenseNo}|${openId}|${courseId}`. A helper
 * watching for the shop has a record of their own. `watchedMonths` are the months (China time) in which a
 * report added watching: the company's report counts a course's viewers of a month from them.
 */
export interface CourseProgressDoc extends CourseProgress {
  _id: string
  licenseNo: string
  openId: string
  watchedMonths: string[]
}
