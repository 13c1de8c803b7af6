import { formatFen } from './numbers'
import type {
  ClassReason,
  ConditionFigure,
  ConditionMet,
  ConditionOperator,
  ConfigProblem,
  GuidanceClass,
  Indicator,
  IndicatorGroup,
  LibraryProblem,
  MatchedStrategy,
  StrategyAction,
  StrategyEffectiveness,
  StrategyOutcome,
  SummarySection,
} from '../contracts/guidance'

/**
 * The guidance in Chinese: class and indicator names, each reason with its figures in guidance.md's
 * style, why a strategy matched, its actions, last month's outcomes and the library's refusals.
 * The core hands over codes and figures; every word the retailer or the company reads is here.
 */

export const CLASS_NAMES: Record<GuidanceClass, string> = {
  gradeFluctuation: '档位波动类',
  newRetail: '新零售指导类',
  keySku: '重点品规推介类',
  terminal: '终端提升类',
  stable: '稳定类',
}

export const INDICATOR_NAMES: Record<Indicator, string> = {
  keyOnShelfRate: '重点品规上柜率',
  keyPackShare: '重点品规销量占比',
  newOnShelf: '新品上柜数',
  sellThrough: '动销率',
  skusSelling: '在销品规数',
  keyPacksGrowth: '重点品规销量环比',
  avgPackFen: '单包均价',
  avgPackFenChange: '均价环比',
  quotaFill: '订足率',
  scanRate: '扫码率',
}

export const GROUP_NAMES: Record<IndicatorGroup, string> = { cultivation: '品牌培植能力', elasticity: '品牌营销弹性' }

const EXTRA_NAMES: Record<string, string> = {
  gradeChange: '档位变动',
  newRetailScore: '新零售得分',
  terminalLevel: '终端形象等级',
  keySkuScore: '重点品规推介得分',
  potential: '终端提升潜力',
}

/** Up to `places` decimals, trailing zeros dropped: 87.50 → "87.5", 81.20 → "81.2", 3.00 → "3". */
export const plain = (x: number, places = 2): string => {
  const text = x.toFixed(places)
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text
  return trimmed === '-0' ? '0' : trimmed
}

/** A fraction as a percentage with up to one decimal: 0.62 → "62%", 0.625 → "62.5%". */
export const percent = (fraction: number): string => `${plain(fraction * 100, 1)}%`

/**
 * A fraction below a threshold, as a percentage that still reads below it: 0.7996 is "79.96%", not
 * "80%, 低于 80%".
 */
const percentBelow = (fraction: number, threshold: number): string => {
  for (let places = 1; places <= 6; places++) {
    const text = plain(fraction * 100, places)
    if (text !== plain(threshold * 100, places)) return `${text}%`
  }
  return `${plain(fraction * 100, 6)}%`
}

/** Money the one way the app writes it (formatFen): 2350 → "¥23.5". */
export const yuan = (fen: number): string => formatFen(fen)
const signed = (text: string, x: number): string => (x > 0 ? `+${text}` : text)

/** An indicator's value as a retailer reads it: rates in %, counts in 个, prices in 元. */
export const indicatorValueText = (id: Indicator, value: number | null): string => {
  if (value === null) return '无数据'
  switch (id) {
    case 'newOnShelf':
    case 'skusSelling':
      return `${plain(value)} 个`
    case 'avgPackFen':
      return yuan(value)
    case 'avgPackFenChange':
      return signed(yuan(value), value)
    case 'keyPacksGrowth':
      return signed(percent(value), value)
    default:
      return percent(value)
  }
}

/** 「全县排名百分位 75」 from a percentile. */
export const percentileText = (percentile: number | null): string => (percentile === null ? '不参与排名' : `全县排名百分位 ${plain(percentile, 1)}`)

/** Each reason in plain words with its figures, e.g. 「档位从 18 降到 15，变动 3 档（阈值 2 档）」. */
export const reasonText = (reason: ClassReason): string => {
  switch (reason.code) {
    case 'gradeMoved': {
      const verb = reason.to < reason.from ? '降到' : '升到'
      return `档位从 ${reason.from} ${verb} ${reason.to}，变动 ${Math.abs(reason.to - reason.from)} 档（阈值 ${reason.threshold} 档）`
    }
    case 'newRetailScoreLow':
      return `新零售得分 ${plain(reason.score)}，低于 ${plain(reason.threshold)}`
    case 'scanRateLow':
      return `扫码率 ${percentBelow(reason.rate, reason.threshold)}，低于 ${percent(reason.threshold)}`
    case 'keySkuTop':
      return `重点品规推介得分 ${plain(reason.score)}，全县前 ${reason.topPercent}%（入选线 ${plain(reason.cut)}）`
    case 'potentialTop':
      return `终端提升潜力 ${plain(reason.potential)}，全县前 ${reason.topPercent}%（入选线 ${plain(reason.cut)}）`
    case 'noTargetClass':
      return '不在四个目标类中，经营平稳'
  }
}

/** The class names joined with 、 in guidance.md's order (the report's `classes` column). */
export const classNamesText = (classes: readonly GuidanceClass[]): string => classes.map((id) => CLASS_NAMES[id]).join('、')

const OP_WORDS: Record<ConditionOperator, string> = { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于', '=': '等于', '!=': '不等于' }

/** A figure of a condition, named and shown in its own unit. */
const figureText = (figure: ConditionFigure, value: number): { name: string; text: string } => {
  if (figure.endsWith('.pct')) {
    return { name: `${INDICATOR_NAMES[figure.slice(0, -4) as Indicator]}排名百分位`, text: plain(value, 1) }
  }
  if (figure in INDICATOR_NAMES) return { name: INDICATOR_NAMES[figure as Indicator], text: indicatorValueText(figure as Indicator, value) }
  return { name: EXTRA_NAMES[figure] ?? figure, text: figure === 'gradeChange' ? `${value > 0 ? '+' : ''}${plain(value)} 档` : plain(value) }
}

/** 「扫码率 62%，低于 80%」 — a condition a strategy met, with the retailer's figure. */
export const conditionText = (c: ConditionMet): string => {
  // 「档位变动 -2 档，低于 0 档」 says less to a shopkeeper than 「档位下降了 2 档」.
  if (c.figure === 'gradeChange' && c.value === 0 && (c.op === '<' || c.op === '>') && c.actual !== 0) {
    return c.actual < 0 ? `档位下降了 ${plain(-c.actual)} 档` : `档位上升了 ${plain(c.actual)} 档`
  }
  const actual = figureText(c.figure, c.actual)
  return `${actual.name} ${actual.text}，${OP_WORDS[c.op]} ${figureText(c.figure, c.value).text}`
}

/** Why a strategy matched, in one line: 「您属于新零售指导类；扫码率 62%，低于 80%」. */
export const whyText = (strategy: Pick<MatchedStrategy, 'why'>): string => {
  const parts = [`您属于${classNamesText(strategy.why.classes)}`, ...strategy.why.conditions.map(conditionText)]
  return parts.join('；')
}

export const SECTION_NAMES: Record<SummarySection, string> = {
  figures: '销售概况',
  topSkus: '热销品规',
  stockWarnings: '缺货预警',
  slowMovers: '滞销品规',
  benchmark: '同类对标',
  quota: '月限量',
  scanRate: '扫码率',
}

/** An action's button text; course and model-store titles come from their own catalogues when known. */
export const actionText = (action: StrategyAction, titles: { courses?: Record<string, string>; stores?: Record<string, string> } = {}): string => {
  switch (action.kind) {
    case 'course':
      return titles.courses?.[action.courseId] ? `看微课：${titles.courses[action.courseId]}` : '看微课'
    case 'modelStore':
      return titles.stores?.[action.storeId] ? `AR 探店：${titles.stores[action.storeId]}` : 'AR 探店'
    case 'summarySection':
      return `看经营：${SECTION_NAMES[action.section]}`
    case 'callManager':
      return '打电话给客户经理'
    case 'profitSheet':
      return '看二维码盈利单'
  }
}

/** 「扫码率从 62% 升到 75%，达到预期」 — last month's strategy against its target. */
export const outcomeText = (o: StrategyOutcome): string => {
  const name = INDICATOR_NAMES[o.indicator]
  if (o.before === null || o.now === null) return `${name}缺少数据，无法判断效果`
  const from = indicatorValueText(o.indicator, o.before)
  const to = indicatorValueText(o.indicator, o.now)
  const verb = o.now > o.before ? '升到' : o.now < o.before ? '降到' : '持平于'
  const wanted = o.direction === 'up' ? '提升' : '下降'
  return `${name}从 ${from} ${verb} ${to}，${o.moved ? '达到预期' : `没有${wanted}`}`
}

/** 「收到的 40 户中 60% 达到预期，未收到的同类 200 户中 45%，高 15 个百分点」. */
export const effectivenessText = (e: StrategyEffectiveness): string => {
  if (e.recipientsShare === null) return `收到的零售户都缺少数据，无法判断（${e.recipientsUnjudged} 户）`
  const own = `收到的 ${e.recipients} 户中 ${plain(e.recipientsShare, 1)}% 达到预期`
  if (e.othersShare === null || e.points === null) return `${own}，没有可比的同类零售户`
  const diff = e.points > 0 ? `高 ${plain(e.points, 1)} 个百分点` : e.points < 0 ? `低 ${plain(-e.points, 1)} 个百分点` : '持平'
  return `${own}，未收到的同类 ${e.others} 户中 ${plain(e.othersShare, 1)}%，${diff}`
}

const LIBRARY_PROBLEM_WORDS: Record<LibraryProblem['code'], (p: LibraryProblem) => string> = {
  missingColumn: () => '表头缺少这一列',
  required: () => '不能为空',
  duplicateId: (p) => `编号「${p.value}」和第 ${p.limit} 行重复`,
  badId: (p) => `编号「${p.value}」只能用字母、数字、- 和 _，最多 40 个字符`,
  titleTooLong: (p) => `标题超过 ${p.limit} 个字`,
  bodyTooLong: (p) => `正文超过 ${p.limit} 个字`,
  unknownClass: (p) => `未知的类别「${p.value}」`,
  unknownIndicator: (p) => `未知的指标「${p.value}」`,
  unknownOperator: (p) => `未知的比较符「${p.value}」，只能用 < <= > >= = !=`,
  badCondition: (p) => `条件「${p.value}」应写成 指标 比较符 数值，如 scanRate<0.8`,
  badNumber: (p) => `「${p.value}」不是数值`,
  unknownDirection: (p) => `方向「${p.value}」只能是 up 或 down`,
  unknownAction: (p) => `未知的动作「${p.value}」`,
  unknownCourse: (p) => `未知的课程「${p.value}」`,
  unknownModelStore: (p) => `未知的样板店「${p.value}」`,
  unknownSection: (p) => `未知的经营页栏目「${p.value}」`,
  badPriority: (p) => `优先级「${p.value}」应是 1–999 的整数`,
  badDate: (p) => `日期「${p.value}」应写成 YYYY-MM-DD`,
  datesReversed: (p) => `结束日期「${p.value}」早于开始日期`,
  noRows: () => '策略库里没有一条策略',
}

/** What is wrong with a library cell, without the row and column: 「未知的类别「xx」」. */
export const libraryProblemWords = (p: LibraryProblem): string => LIBRARY_PROBLEM_WORDS[p.code](p)

/** 「第 3 行 classes：未知的类别「xx」」. */
export const libraryProblemText = (p: LibraryProblem): string => `第 ${p.row} 行 ${p.column}：${LIBRARY_PROBLEM_WORDS[p.code](p)}`

const CONFIG_PROBLEM_WORDS: Record<ConfigProblem['code'], string> = {
  notObject: '应是一组设置（JSON 对象）',
  missing: '缺少',
  notNumber: '应是数值',
  notString: '应是文字',
  outOfRange: '超出允许范围',
  notInteger: '应是整数',
  unknownKey: '不认识这一项',
  weightsSum: '十个权重加起来应等于 1',
}

/** 「keySku.weights.scanRate：缺少」. */
export const configProblemText = (p: ConfigProblem): string => `${p.path || '配置文件'}：${CONFIG_PROBLEM_WORDS[p.code]}`

/** 「2026年10月」 from `2026-10`. */
export const monthName = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`

/** 「10月」: a month of the current year's talk. */
export const shortMonthName = (month: string): string => `${Number(month.slice(5, 7))}月`

/** 「档位 18，比上月降了 2 档」, 「档位 18，和上月一样」, or just the grade without last month's row. */
export const gradeText = (grade: { now: number; change: number | null }): string => {
  if (grade.change === null) return `档位 ${grade.now}`
  if (grade.change === 0) return `档位 ${grade.now}，和上月一样`
  return `档位 ${grade.now}，比上月${grade.change > 0 ? '升' : '降'}了 ${Math.abs(grade.change)} 档`
}

/** An indicator's change against last month, in its unit: 「+12%」, 「-3 个」, 「+1.50 元」; 「无法比较」 when either is missing. */
export const changeText = (id: Indicator, change: number | null): string => {
  if (change === null) return '无法比较'
  if (change === 0) return '持平'
  switch (id) {
    case 'newOnShelf':
    case 'skusSelling':
      return `${change > 0 ? '+' : ''}${plain(change)} 个`
    case 'avgPackFen':
    case 'avgPackFenChange':
      return signed(yuan(change), change)
    default:
      return `${change > 0 ? '+' : ''}${plain(change * 100, 1)} 个百分点`
  }
}
