import { MONTH_PATTERN } from '../contracts/vocabulary'
import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { classRows, districtCounts, strategyReport } from '../core/guidance/reports'
import { learningReport, learningReportText } from './reports/learning'
import { BOM, CLASSES_HEADER, STRATEGIES_HEADER, classesLine, csvLine, districtLines, strategyLine } from '../words/guidanceReports'

export const USAGE = '用法：npm run report -- classes <YYYY-MM> [--district 片区] [--out 文件.csv] | districts <YYYY-MM> [--out 文件.csv] | strategies <YYYY-MM> [--out 文件.csv] | learning <YYYY-MM>'

export interface ReportArgs {
  kind: 'classes' | 'districts' | 'strategies' | 'learning'
  month: string
  district?: string
  out?: string
}

/** Reads the command line; null when it is not one of the reports. */
export const parseReportArgs = (args: readonly string[]): ReportArgs | null => {
  const [kind, month, ...rest] = args
  if (kind !== 'classes' && kind !== 'districts' && kind !== 'strategies' && kind !== 'learning') return null
  if (!month || !MONTH_PATTERN.test(month)) return null
  const parsed: ReportArgs = { kind, month }
  for (let i = 0; i < rest.length; i += 2) {
    const value = rest[i + 1]
    if (value === undefined) return null
    if (rest[i] === '--district' && kind === 'classes') parsed.district = value
    else if (rest[i] === '--out') parsed.out = value
    else return null
  }
  return parsed
}

/**
 * Writes one report as CSV through `write` (UTF-8 with a BOM, so Excel opens it). Answers null, or
 * why there is nothing to report (no guides for the month; for strategies, none for the month before).
 */
export const writeReport = async (store: DocumentStore, args: ReportArgs, write: (text: string) => void | Promise<void>): Promise<string | null> => {
  const db = repos(store)
  // 学习: viewers and completions per course and by class (a plain-text table; learning reads its own guides).
  if (args.kind === 'learning') {
    await write(`${learningReportText(await learningReport(store, args.month))}\n`)
    return null
  }
  const has = async (month: string) => (await db.guides.count({ month })) > 0
  if (!(await has(args.month))) return `${args.month} 还没有经营指导书：请先运行 npm run guide -- build ${args.month}`
  if (args.kind === 'classes') {
    await write(BOM + csvLine(CLASSES_HEADER))
    for await (const rows of classRows(db, args.month, args.district)) await write(rows.map(classesLine).join(''))
  } else if (args.kind === 'districts') {
    await write(BOM + districtLines(await districtCounts(db, args.month)))
  } else {
    const rows = await strategyReport(db, args.month)
    await write(BOM + csvLine(STRATEGIES_HEADER) + rows.map(strategyLine).join(''))
  }
  return null
}
