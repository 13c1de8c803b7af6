import type { CsvProblem, FieldShape, RowProblem, RowProblemDetail } from '../contracts'
import { weekdayName } from './time'
import { libraryProblemWords } from './guidance'
import { catalogueProblemText } from './learning'

const SHAPES: Readonly<Record<FieldShape, string>> = {
  licenseNo: ' 12 位数字',
  skuCode: '规格代码（字母或数字）',
  mobile: ' 11 位手机号',
  phone: '电话号码',
  weekday: ' 1–7（1 = 周一，7 = 周日）',
  time: ' HH:mm（如 16:00）',
  instant: ' ISO-8601 时间（如 2026-10-08T08:00）',
}

const CSV_PROBLEMS: Readonly<Record<CsvProblem, string>> = {
  recordTooLong: '一条记录超过 100 万个字符，多半是引号没有闭合',
  unclosedQuote: '引号没有闭合',
  textAfterQuote: '右引号后面应是逗号或换行',
  quoteInsideField: '没有用引号括起来的内容中间有引号',
}

const shown = (raw: string): string => (raw.length > 40 ? `「${raw.slice(0, 40)}…」` : `「${raw}」`)

/** What is wrong with a field, in the words of the person who made the file. */
export const problemText = (p: RowProblemDetail): string => {
  switch (p.code) {
    case 'empty':
      return '不能为空'
    case 'missingColumn':
      return '表头缺少这一列'
    case 'emptyFile':
      return '文件是空的，没有表头'
    case 'undecodable':
      return '含无法识别的字符：请把文件另存为 UTF-8 或 GBK 编码的 CSV'
    case 'unknownEncoding':
      return '文件编码无法识别，请另存为 UTF-8 或 GBK 的 CSV'
    case 'repeatedRow':
      return `与第 ${p.firstRow} 行重复（${p.columns.join('、')} 相同）：同一文件里只能有一行，请删去不对的那行`
    case 'emptyOnCancel':
      return '取消订货时应留空'
    case 'requiredOnMove':
      return '调整订货时间时不能为空'
    case 'closeNotAfterOpen':
      return '应晚于 new_open'
    case 'tooLong':
      return `不能超过 ${p.max} 个字，实际 ${p.length} 个`
    case 'notInteger':
      return `应为整数，实际是${shown(p.value)}`
    case 'notNumber':
      return `应为数字，实际是${shown(p.value)}`
    case 'notFlag':
      return `应为 0 或 1，实际是${shown(p.value)}`
    case 'notDate':
      return `不是有效日期（应为 YYYY-MM-DD），实际是${shown(p.value)}`
    case 'unknownRetailer':
      return `未知的零售户 ${p.value}`
    case 'unknownSku':
      return `未知的规格 ${p.value}`
    case 'unknownDistrict':
      return `未知的片区${shown(p.value)}（应为许可证号、片区名或 *）`
    case 'outOfRange':
      return `应在 ${p.min}–${p.max} 之间，实际是 ${p.value}`
    case 'notOneOf':
      return `应为 ${p.options.join('、')} 之一，实际是${shown(p.value)}`
    case 'notShape':
      return `应为${SHAPES[p.shape]}，实际是${shown(p.value)}`
    case 'dateAfter':
      return `日期 ${p.value} 晚于 ${p.limit}`
    case 'dateBefore':
      return `日期 ${p.value} 早于 ${p.limit}`
    case 'notCloseDay':
      return `${p.scope} 的订货周期在每${weekdayName(p.closeWeekday)}截止，${p.value} 不是截止日`
    case 'movedTooFar':
      return `离原截止日 ${p.cycleId} 超过 ${p.days} 天`
    case 'csvFormat':
      return `CSV 格式错误：${CSV_PROBLEMS[p.problem]}`
    case 'notMonth':
      return `不是有效月份（应为 YYYY-MM），实际是${shown(p.value)}`
    case 'futureMonth':
      return `月份 ${p.value} 还没到（最晚 ${p.limit}）`
    case 'strategy':
      return libraryProblemWords({ row: 0, column: '', code: p.problem, value: p.value, limit: p.limit })
    case 'catalogue':
      return catalogueProblemText({ code: p.problem, value: p.value, min: p.min, max: p.max })
  }
}

const columnName = (column: string): string => (column === '#file' ? '(文件)' : column === '#row' ? '(整行)' : column)

/** 第 12 行 sku_code：未知的规格 6901028000000 */
export const describeProblem = (p: RowProblem): string => `第 ${p.row} 行 ${columnName(p.column)}：${problemText(p)}`

/** The reasons column of a rejected row: every problem of the row, column first. */
export const rowProblemsText = (problems: readonly RowProblem[]): string =>
  problems.map((p) => `${columnName(p.column)}：${problemText(p)}`).join('；')

/** The two columns a rejected-rows file adds to the header. */
export const REJECTED_COLUMNS = ['行号', '问题'] as const
