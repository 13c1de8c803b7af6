import { isDate } from '../time'
import {
  ACTION_KINDS,
  CONDITION_OPERATORS,
  DIRECTIONS,
  EXTRA_FIGURES,
  GUIDANCE_CLASSES,
  INDICATORS,
  SUMMARY_SECTIONS,
  type ConditionFigure,
  type ConditionOperator,
  type Direction,
  type GuidanceClass,
  type Indicator,
  type LibraryProblem,
  type Strategy,
  type StrategyAction,
  type StrategyCondition,
  type SummarySection,
} from '../../contracts/guidance'

/**
 * The strategy library (服务策略库) as the company keeps it: a CSV edited in Excel
 * (defaults/strategies.csv, and the `strategies` import kind). Checked whole: one bad cell refuses
 * the file, every problem named by row (the header is row 1) and column.
 *
 * Columns (header names exactly; extra columns are ignored, order is free):
 *   id               letters, digits, `-` and `_`, up to 40; unique in the file
 *   title            ≤ 20 characters (标题)
 *   body             ≤ 200 characters, plain words (正文)
 *   classes          one or more of gradeFluctuation, newRetail, keySku, terminal, stable,
 *                    separated by `;` — the strategy goes to retailers in any of them
 *   conditions       optional, `;`-separated, all must hold: `<figure><op><number>`, e.g.
 *                    `scanRate<0.8`, `keyOnShelfRate.pct<=30`, `gradeChange<0`. A figure is one of
 *                    the ten indicators, `<indicator>.pct` (its percentile 0–100), gradeChange,
 *                    newRetailScore, terminalLevel, keySkuScore or potential; op one of
 *                    < <= > >= = !=; the number may end in `%` (80% = 0.8). A figure with no
 *                    value fails its condition.
 *   target_indicator the indicator the strategy aims to move (one of the ten)
 *   target_direction up or down
 *   actions          optional, `;`-separated: course:<course id>, modelStore:<model store id>,
 *                    summarySection:<figures|topSkus|stockWarnings|slowMovers|benchmark|quota|scanRate>,
 *                    callManager, profitSheet
 *   priority         whole number 1–999; 1 comes first (equal priorities by id)
 *   valid_from       optional YYYY-MM-DD, inclusive (blank: since always)
 *   valid_to         optional YYYY-MM-DD, inclusive (blank: no end)
 */
export const LIBRARY_COLUMNS = [
  'id',
  'title',
  'body',
  'classes',
  'conditions',
  'target_indicator',
  'target_direction',
  'actions',
  'priority',
  'valid_from',
  'valid_to',
] as const
type Column = (typeof LIBRARY_COLUMNS)[number]
const OPTIONAL: readonly Column[] = ['conditions', 'actions', 'valid_from', 'valid_to']

export const TITLE_MAX = 20
export const BODY_MAX = 200
const ID = /^[A-Za-z0-9_-]{1,40}$/

/** Characters as a reader counts them (a code point each, so 「」 and emoji count one). */
const lengthOf = (text: string): number => {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff) n++
  }
  return n
}

const list = (cell: string): string[] =>
  cell
    .split(/[;；]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

const FIGURES: readonly string[] = [...INDICATORS, ...EXTRA_FIGURES, ...INDICATORS.map((id) => `${id}.pct`)]

export interface KnownTargets {
  courseIds: ReadonlySet<string>
  modelStoreIds: ReadonlySet<string>
}

export interface LibraryCheck {
  /** Meaningful only when there are no problems. */
  strategies: Strategy[]
  problems: LibraryProblem[]
}

/** A number as written in a cell: plain decimal, optionally a percentage (`80%` → 0.8). */
const cellNumber = (raw: string): number => {
  const text = raw.trim()
  const percent = text.endsWith('%') || text.endsWith('％')
  const digits = percent ? text.slice(0, -1).trim() : text
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(digits)) return NaN
  return percent ? Number(digits) / 100 : Number(digits)
}

/**
 * Checks a parsed library: `rows[0]` is the header, each further row one strategy (cells as
 * strings). Blank rows are skipped. Course and model-store ids are checked against the known ones.
 */
export const checkLibrary = (rows: readonly (readonly string[])[], known: KnownTargets): LibraryCheck => {
  const problems: LibraryProblem[] = []
  const strategies: Strategy[] = []
  const header = (rows[0] ?? []).map((name) => name.trim().replace(/^\uFEFF/, ''))
  const at = new Map<string, number>()
  header.forEach((name, i) => {
    if (!at.has(name)) at.set(name, i)
  })
  for (const column of LIBRARY_COLUMNS) if (!at.has(column)) problems.push({ row: 1, column, code: 'missingColumn' })
  if (problems.length > 0) return { strategies, problems }

  const firstRowOf = new Map<string, number>()
  let dataRows = 0
  for (let r = 1; r < rows.length; r++) {
    const record = rows[r]
    if (record.every((cell) => cell.trim() === '')) continue
    dataRows++
    const row = r + 1
    const cell = (column: Column): string => (record[at.get(column) as number] ?? '').trim()
    const problem = (column: Column, code: LibraryProblem['code'], value?: string, limit?: number): void => {
      const p: LibraryProblem = { row, column, code }
      if (value !== undefined) p.value = value
      if (limit !== undefined) p.limit = limit
      problems.push(p)
    }
    for (const column of LIBRARY_COLUMNS) if (!OPTIONAL.includes(column) && cell(column) === '') problem(column, 'required')

    const id = cell('id')
    if (id !== '') {
      if (!ID.test(id)) problem('id', 'badId', id)
      const first = firstRowOf.get(id)
      if (first !== undefined) problem('id', 'duplicateId', id, first)
      else firstRowOf.set(id, row)
    }
    const title = cell('title')
    if (lengthOf(title) > TITLE_MAX) problem('title', 'titleTooLong', title, TITLE_MAX)
    const body = cell('body')
    if (lengthOf(body) > BODY_MAX) problem('body', 'bodyTooLong', undefined, BODY_MAX)

    const classes: GuidanceClass[] = []
    for (const name of list(cell('classes'))) {
      if ((GUIDANCE_CLASSES as readonly string[]).includes(name)) {
        if (!classes.includes(name as GuidanceClass)) classes.push(name as GuidanceClass)
      } else problem('classes', 'unknownClass', name)
    }
    classes.sort((a, b) => GUIDANCE_CLASSES.indexOf(a) - GUIDANCE_CLASSES.indexOf(b))

    const conditions: StrategyCondition[] = []
    for (const text of list(cell('conditions'))) {
      const parts = /^([A-Za-z0-9_.]*)\s*([^A-Za-z0-9_.\s+-]*)\s*(.*)$/.exec(text)
      const [, figure, op, value] = parts ?? ['', '', '', '']
      if (figure === '' || op === '' || value === '') {
        problem('conditions', 'badCondition', text)
        continue
      }
      let ok = true
      if (!FIGURES.includes(figure)) {
        problem('conditions', 'unknownIndicator', figure)
        ok = false
      }
      if (!(CONDITION_OPERATORS as readonly string[]).includes(op)) {
        problem('conditions', 'unknownOperator', op)
        ok = false
      }
      const number = cellNumber(value)
      if (Number.isNaN(number)) {
        problem('conditions', 'badNumber', value)
        ok = false
      }
      if (ok) conditions.push({ figure: figure as ConditionFigure, op: op as ConditionOperator, value: number })
    }

    const indicator = cell('target_indicator')
    if (indicator !== '' && !(INDICATORS as readonly string[]).includes(indicator)) problem('target_indicator', 'unknownIndicator', indicator)
    const direction = cell('target_direction')
    if (direction !== '' && !(DIRECTIONS as readonly string[]).includes(direction)) problem('target_direction', 'unknownDirection', direction)

    const actions: StrategyAction[] = []
    for (const text of list(cell('actions'))) {
      const colon = text.search(/[:：]/)
      const kind = (colon === -1 ? text : text.slice(0, colon)).trim()
      const arg = colon === -1 ? '' : text.slice(colon + 1).trim()
      if (!(ACTION_KINDS as readonly string[]).includes(kind)) {
        problem('actions', 'unknownAction', kind)
      } else if (kind === 'course') {
        if (known.courseIds.has(arg)) actions.push({ kind, courseId: arg })
        else problem('actions', 'unknownCourse', arg)
      } else if (kind === 'modelStore') {
        if (known.modelStoreIds.has(arg)) actions.push({ kind, storeId: arg })
        else problem('actions', 'unknownModelStore', arg)
      } else if (kind === 'summarySection') {
        if ((SUMMARY_SECTIONS as readonly string[]).includes(arg)) actions.push({ kind, section: arg as SummarySection })
        else problem('actions', 'unknownSection', arg)
      } else if (arg !== '') {
        problem('actions', 'unknownAction', text)
      } else actions.push({ kind: kind as 'callManager' | 'profitSheet' })
    }

    const priorityText = cell('priority')
    const priority = /^\d{1,3}$/.test(priorityText) ? Number(priorityText) : NaN
    if (priorityText !== '' && !(priority >= 1 && priority <= 999)) problem('priority', 'badPriority', priorityText)

    const validFrom = cell('valid_from')
    const validTo = cell('valid_to')
    if (validFrom !== '' && !isDate(validFrom)) problem('valid_from', 'badDate', validFrom)
    if (validTo !== '' && !isDate(validTo)) problem('valid_to', 'badDate', validTo)
    if (validFrom !== '' && validTo !== '' && isDate(validFrom) && isDate(validTo) && validFrom > validTo) problem('valid_to', 'datesReversed', validTo)

    strategies.push({
      id,
      title,
      body,
      classes,
      conditions,
      target: { indicator: indicator as Indicator, direction: direction as Direction },
      actions,
      priority,
      validFrom: validFrom === '' ? null : validFrom,
      validTo: validTo === '' ? null : validTo,
    })
  }
  if (dataRows === 0) problems.push({ row: 2, column: 'id', code: 'noRows' })
  return { strategies: problems.length === 0 ? strategies : [], problems }
}
