/**
 * Digital operating guidance (数字经营指导): the vocabulary shared by the core, the presenter and the
 * app, and the result types of a retailer's monthly guide (客户数字经营指导书). The rules are in
 * guidance.md; the numbers live in cloudfunctions/defaults/guidance.v1.json.
 *
 * Ratios are fractions (0.62 = 62 %); money is integer fen; months `YYYY-MM`; dates `YYYY-MM-DD`.
 * A leaf: imports nothing of ours.
 */

/** The five classes in guidance.md's order: when one must be named first, the earlier wins. */
export const GUIDANCE_CLASSES = ['gradeFluctuation', 'newRetail', 'keySku', 'terminal', 'stable'] as const
export type GuidanceClass = (typeof GUIDANCE_CLASSES)[number]
/** The four target classes; `stable` is everyone in none of them. */
export const TARGET_CLASSES = ['gradeFluctuation', 'newRetail', 'keySku', 'terminal'] as const
export type TargetClass = (typeof TARGET_CLASSES)[number]

/** The ten indicators of guidance.md §2, in its order (#1…#10). Higher is better for all ten. */
export const INDICATORS = [
  'keyOnShelfRate', // 1 重点品规上柜率
  'keyPackShare', // 2 重点品规销量占比
  'newOnShelf', // 3 新品上柜数
  'sellThrough', // 4 动销率
  'skusSelling', // 5 在销品规数
  'keyPacksGrowth', // 6 重点品规销量环比
  'avgPackFen', // 7 单包均价 (fen)
  'avgPackFenChange', // 8 均价环比 (fen)
  'quotaFill', // 9 订足率
  'scanRate', // 10 扫码率
] as const
export type Indicator = (typeof INDICATORS)[number]

/** The two indicator groups: brand-cultivation capability (#1–5) and brand-marketing elasticity (#6–10). */
export const INDICATOR_GROUPS = { cultivation: INDICATORS.slice(0, 5), elasticity: INDICATORS.slice(5) } as const
export type IndicatorGroup = keyof typeof INDICATOR_GROUPS

/**
 * What a strategy's condition may test: the ten indicators and these figures of the month.
 * gradeChange = grade(M) − grade(M−1) (none without an M−1 row); keySkuScore and potential as
 * rounded; `<indicator>.pct` (see conditionFigure) tests the indicator's percentile instead.
 */
export const EXTRA_FIGURES = ['gradeChange', 'newRetailScore', 'terminalLevel', 'keySkuScore', 'potential'] as const
export type ExtraFigure = (typeof EXTRA_FIGURES)[number]
export type PercentileFigure = `${Indicator}.pct`
export type ConditionFigure = Indicator | ExtraFigure | PercentileFigure

export const CONDITION_OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number]

/** The way a strategy means to move its target indicator. */
export const DIRECTIONS = ['up', 'down'] as const
export type Direction = (typeof DIRECTIONS)[number]

/**
 * What a strategy lets the retailer do: open a course (学习), open a model store (AR 探店), open a
 * section of the operating summary (经营), call the customer manager, or show the QR-code profit
 * sheet (二维码盈利单).
 */
export const ACTION_KINDS = ['course', 'modelStore', 'summarySection', 'callManager', 'profitSheet'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

/** Sections of the operating summary (经营) an action can open. */
export const SUMMARY_SECTIONS = ['figures', 'topSkus', 'stockWarnings', 'slowMovers', 'benchmark', 'quota', 'scanRate'] as const
export type SummarySection = (typeof SUMMARY_SECTIONS)[number]

export type StrategyAction =
  | { kind: 'course'; courseId: string }
  | { kind: 'modelStore'; storeId: string }
  | { kind: 'summarySection'; section: SummarySection }
  | { kind: 'callManager' }
  | { kind: 'profitSheet' }

export interface StrategyCondition {
  figure: ConditionFigure
  op: ConditionOperator
  value: number
}

/** One strategy of the library (服务策略库), as validated from its CSV row. */
export interface Strategy {
  id: string
  /** ≤ 20 characters. */
  title: string
  /** ≤ 200 characters, plain words. */
  body: string
  classes: GuidanceClass[]
  /** All must hold; a figure with no value fails its condition. */
  conditions: StrategyCondition[]
  target: { indicator: Indicator; direction: Direction }
  actions: StrategyAction[]
  /** Smaller comes first (1 before 2); equal priorities go by id. */
  priority: number
  /** Inclusive; null = open. */
  validFrom: string | null
  validTo: string | null
}

// ——— Why a retailer is in a class: codes and figures; the presenter words them ———

export type ClassReason =
  /** |grade(M) − grade(M−1)| ≥ threshold. */
  | { code: 'gradeMoved'; from: number; to: number; threshold: number }
  /** new_retail_score(M) < threshold. */
  | { code: 'newRetailScoreLow'; score: number; threshold: number }
  /** Scan rate (a fraction) < threshold (a fraction). */
  | { code: 'scanRateLow'; rate: number; threshold: number }
  /** Key-SKU score (rounded) in the top `topPercent` % of the pool: score ≥ cut. */
  | { code: 'keySkuTop'; score: number; cut: number; topPercent: number; rank: number; pool: number }
  /** Terminal potential (rounded) in the top `topPercent` %: potential ≥ cut. */
  | { code: 'potentialTop'; potential: number; cut: number; topPercent: number; rank: number; pool: number }
  /** In none of the four target classes. */
  | { code: 'noTargetClass' }
export type ClassReasonCode = ClassReason['code']

export interface ClassMembership {
  id: GuidanceClass
  reasons: ClassReason[]
}

export interface IndicatorFigure {
  id: Indicator
  /** Unrounded; null when it has no value (its divisor is 0, or nothing sold in the month it needs). */
  value: number | null
  /** Mid-rank percentile 0–100 among the pool members with a value; null with no value. */
  percentile: number | null
}

/** A condition a matched strategy met, with the retailer's figure. */
export interface ConditionMet extends StrategyCondition {
  actual: number
}

export interface MatchedStrategy {
  id: string
  title: string
  body: string
  priority: number
  target: { indicator: Indicator; direction: Direction }
  actions: StrategyAction[]
  /** Why it matched: the retailer's classes it targets (in class order) and the conditions it met. */
  why: { classes: GuidanceClass[]; conditions: ConditionMet[] }
}

export interface IndicatorChange {
  id: Indicator
  before: number | null
  now: number | null
  /** now − before; null when either is missing. */
  change: number | null
  percentileBefore: number | null
  percentileNow: number | null
}

/** A strategy of last month's guide: did its target indicator move the intended way? */
export interface StrategyOutcome {
  id: string
  title: string
  indicator: Indicator
  direction: Direction
  before: number | null
  now: number | null
  /** null when either value is missing. */
  moved: boolean | null
}

export interface GuideComparison {
  month: string
  gradeBefore: number
  keySkuScoreBefore: number
  potentialBefore: number
  classesBefore: GuidanceClass[]
  indicators: IndicatorChange[]
  strategies: StrategyOutcome[]
}

/** The digital operating guide (客户数字经营指导书) of one retailer and month. */
export interface Guide {
  licenseNo: string
  month: string
  /** The configuration's version it was built with. */
  configVersion: string
  basic: {
    businessType: string
    integrityScore: number
    monthlyQuotaCartons: number
    newRetailScore: number
    terminalLevel: number
    shopAreaM2: number
    /** Members of the pool this month (the retailers with a marketing row for it). */
    pool: number
  }
  grade: { now: number; before: number | null; change: number | null }
  indicators: IndicatorFigure[]
  /** Σ weight × percentile, rounded half up to 2 decimals. */
  keySkuScore: number
  /** Terminal improvement potential, rounded half up to 2 decimals. */
  potential: number
  /** In guidance.md's order; `stable` alone when in no target class. */
  classes: ClassMembership[]
  /** At most the configured number (3), by priority. */
  strategies: MatchedStrategy[]
  /** Against last month's guide; null when there was none. */
  comparison: GuideComparison | null
}

/** §5: the effectiveness of a strategy matched in M−1, judged from M−1 to M. */
export interface StrategyEffectiveness {
  strategyId: string
  indicator: Indicator
  direction: Direction
  /** Recipients judged (a guide in both months and the target indicator valued in both). */
  recipients: number
  recipientsMoved: number
  /** Pool members of the recipients' business types who did not receive it, judged the same way. */
  others: number
  othersMoved: number
  /** Recipients of M−1 who could not be judged (no guide in M, or a missing value). */
  recipientsUnjudged: number
  /** Shares in percent (0–100); null with nobody judged. */
  recipientsShare: number | null
  othersShare: number | null
  /** recipientsShare − othersShare, in percentage points; null when either share is. */
  points: number | null
}

// ——— Problems: codes the presenter words ———

export const LIBRARY_PROBLEM_CODES = [
  'missingColumn',
  'required',
  'duplicateId',
  'badId',
  'titleTooLong',
  'bodyTooLong',
  'unknownClass',
  'unknownIndicator',
  'unknownOperator',
  'badCondition',
  'badNumber',
  'unknownDirection',
  'unknownAction',
  'unknownCourse',
  'unknownModelStore',
  'unknownSection',
  'badPriority',
  'badDate',
  'datesReversed',
  'noRows',
] as const
export type LibraryProblemCode = (typeof LIBRARY_PROBLEM_CODES)[number]

/** A refusal of a strategy library file: row as a spreadsheet shows it (header = row 1). */
export interface LibraryProblem {
  row: number
  column: string
  code: LibraryProblemCode
  /** The offending text, when there is one. */
  value?: string
  /** The limit broken (characters), for the too-long codes; the first row, for duplicateId. */
  limit?: number
}

export const CONFIG_PROBLEM_CODES = ['notObject', 'missing', 'notNumber', 'notString', 'outOfRange', 'notInteger', 'unknownKey', 'weightsSum'] as const
export type ConfigProblemCode = (typeof CONFIG_PROBLEM_CODES)[number]
/** A refusal of a guidance configuration: `path` is dotted (`keySku.weights.scanRate`). */
export interface ConfigProblem {
  path: string
  code: ConfigProblemCode
}

// ——— What the functions answer ———

/** The `guide` function: one retailer's guide of one month, with what the page needs around it. */
export interface GuideData {
  retailer: { licenseNo: string; shopName: string; district: string }
  /** The month shown. */
  month: string
  /** Months with a guide for this retailer, newest first (at most 13). */
  months: string[]
  /** null: no guide for that month (not in its pool, or not built yet). */
  guide: Guide | null
  /** The caller's 有用 / 没用 on this month's strategies, by strategy id. */
  feedback: Record<string, 'useful' | 'notUseful'>
  manager: { name: string; phone: string }
  /** monthlyGuide consents the caller holds (每月提醒我 adds one a tap). */
  reminderConsents: number
  /** The WeChat template id the functions send the monthly tip with: what 每月提醒我 asks consent for. */
  reminderTemplateId: string | null
}

/** 首页's 本月经营建议: the newest guide's first strategy, one line of why, its first action. */
export interface GuideTip {
  month: string
  classes: GuidanceClass[]
  /** null when no strategy matched. */
  strategy: { id: string; title: string; why: MatchedStrategy['why']; action: StrategyAction | null } | null
}

export interface GuideFeedbackResult {
  month: string
  strategyId: string
  verdict: 'useful' | 'notUseful'
}

/** 二维码盈利单: gross profit per SKU and in total over one month (the guide's month). */
export interface ProfitSheetData {
  retailer: { licenseNo: string; shopName: string }
  month: string
  packs: number
  salesFen: number
  grossProfitFen: number
  /** By gross profit, highest first. */
  skus: { skuCode: string; name: string; packs: number; salesFen: number; grossProfitFen: number }[]
}

/** What one build of a month's guides did. */
export interface GuideBuildReport {
  month: string
  configVersion: string
  /** Retailers with a marketing row for the month. */
  pool: number
  /** Guides written (new or changed) in this run; unchanged ones are not rewritten. */
  written: number
  unchanged: number
  /** Guides of former builds of the month whose retailer left the pool, removed. */
  removed: number
  /** True when this run carried on from a build that stopped half-way. */
  resumed: boolean
  /** How many guides of each class (a retailer counts in each of its classes). */
  classes: Record<GuidanceClass, number>
  notices: GuideNoticeTally
}

/** Fresh outcomes of the new-guide notices (one per bound retailer and month). */
export interface GuideNoticeTally {
  /** Told on 首页 and in 消息 only (no consent for a subscribe message). */
  inboxOnly: number
  sent: number
  failed: number
  /** Quiet hours (21:00–08:00): the subscribe message waits for 08:00. */
  deferred: number
}
