import { GUIDANCE_CLASSES, type ClassReason, type GuidanceClass, type Indicator } from '../contracts/guidance'
import { CLASS_NAMES, INDICATOR_NAMES, classNamesText, effectivenessText, reasonText } from './guidance'
import type { GuideBuildReport } from '../contracts/guidance'

/**
 * The company's reports as CSV (npm run report): UTF-8 with a BOM so Excel opens the Chinese,
 * CRLF line ends as Excel writes them, fields quoted only when they must be.
 */

export const BOM = '\uFEFF'
export const CSV_EOL = '\r\n'

export const csvField = (value: string | number): string => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
export const csvLine = (fields: readonly (string | number)[]): string => fields.map(csvField).join(',') + CSV_EOL

/** Two decimals, as the company's sheets show scores. */
const fixed2 = (x: number): string => (Math.round(x * 100) / 100).toFixed(2)

export const CLASSES_HEADER = ['license_no', 'shop_name', 'district', 'classes', 'key_sku_score', 'potential', 'reasons'] as const

/** One retailer's row: classes joined with 、 in guidance.md's order, the reasons in words joined with ；. */
export const classesLine = (row: { licenseNo: string; shopName: string; district: string; classes: readonly GuidanceClass[]; keySkuScore: number; potential: number; reasons: readonly ClassReason[] }): string =>
  csvLine([row.licenseNo, row.shopName, row.district, classNamesText(row.classes), fixed2(row.keySkuScore), fixed2(row.potential), row.reasons.map(reasonText).join('；')])

export const DISTRICTS_HEADER = ['片区', '零售户数', ...GUIDANCE_CLASSES.map((id) => CLASS_NAMES[id])]

/** 市场经营数字看板's first table: each class per district, and the county's total last. */
export const districtLines = (rows: readonly { district: string; retailers: number; classes: Record<GuidanceClass, number> }[]): string => {
  const total = { retailers: 0, classes: Object.fromEntries(GUIDANCE_CLASSES.map((id) => [id, 0])) as Record<GuidanceClass, number> }
  let out = csvLine(DISTRICTS_HEADER)
  for (const row of rows) {
    out += csvLine([row.district, row.retailers, ...GUIDANCE_CLASSES.map((id) => row.classes[id])])
    total.retailers += row.retailers
    for (const id of GUIDANCE_CLASSES) total.classes[id] += row.classes[id]
  }
  return out + csvLine(['合计', total.retailers, ...GUIDANCE_CLASSES.map((id) => total.classes[id])])
}

export const STRATEGIES_HEADER = [
  'strategy_id', 'title', 'target', 'recipients', 'recipients_moved', 'recipients_share', 'others', 'others_moved', 'others_share',
  'points', 'unjudged', 'useful', 'not_useful', 'summary',
] as const

const share = (x: number | null): string => (x === null ? '' : fixed2(x))

/** One strategy's effectiveness: both shares in %, the difference in percentage points, both counts, 有用 / 没用. */
export const strategyLine = (row: {
  strategyId: string
  title: string
  indicator: Indicator
  direction: 'up' | 'down'
  recipients: number
  recipientsMoved: number
  recipientsShare: number | null
  others: number
  othersMoved: number
  othersShare: number | null
  points: number | null
  recipientsUnjudged: number
  useful: number
  notUseful: number
}): string =>
  csvLine([
    row.strategyId,
    row.title,
    `${INDICATOR_NAMES[row.indicator]}${row.direction === 'up' ? '提升' : '下降'}`,
    row.recipients,
    row.recipientsMoved,
    share(row.recipientsShare),
    row.others,
    row.othersMoved,
    share(row.othersShare),
    share(row.points),
    row.recipientsUnjudged,
    row.useful,
    row.notUseful,
    effectivenessText({ ...row, strategyId: row.strategyId }),
  ])

const count = (n: number): string => n.toLocaleString('en-US')

/** What `npm run guide -- build` did, in a few lines. */
export const buildReportText = (r: GuideBuildReport): string =>
  [
    `${r.month} 经营指导书：${count(r.pool)} 户，写入 ${count(r.written)} 份，未变 ${count(r.unchanged)} 份${r.removed > 0 ? `，删除 ${count(r.removed)} 份（已不在名单中）` : ''}（配置 ${r.configVersion}${r.resumed ? '，接着上次未完成的继续' : ''}）`,
    `  ${GUIDANCE_CLASSES.map((id) => `${CLASS_NAMES[id]} ${count(r.classes[id])} 户`).join(' · ')}`,
    `  通知：首页和消息 ${count(r.notices.inboxOnly + r.notices.sent + r.notices.failed + r.notices.deferred)} 户，其中订阅消息 ${count(r.notices.sent)} 条${r.notices.deferred > 0 ? `，夜间 ${count(r.notices.deferred)} 条顺延到 08:00` : ''}${r.notices.failed > 0 ? `，发送失败 ${count(r.notices.failed)} 条` : ''}`,
  ].join('\n')
