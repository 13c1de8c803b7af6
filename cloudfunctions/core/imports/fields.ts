import { dayNumber } from '../time'
import type { FieldShape, RowProblem, RowProblemDetail } from '../../contracts/insights'

/** An optionally signed run of digits as a number, else NaN: the hot path of a million-row file, so no regex. */
const digits = (value: string): number => {
  let at = value.charCodeAt(0) === 45 ? 1 : 0
  if (at === value.length || value.length - at > 15) return NaN
  let n = 0
  for (; at < value.length; at++) {
    const c = value.charCodeAt(at)
    if (c < 48 || c > 57) return NaN
    n = n * 10 + (c - 48)
  }
  return value.charCodeAt(0) === 45 ? -n : n
}
const NUMBER = /^-?\d+(\.\d+)?$/
const EMPTY: RowProblemDetail = { code: 'empty' }

/**
 * Reads the fields of one CSV record by column name and checks them, collecting every problem of
 * the row instead of stopping at the first. One checker is reused for every row of a file.
 */
export class RowChecker {
  private record: readonly string[] = []
  row = 0
  problems: RowProblem[] = []

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  reset(record: readonly string[], row: number): this {
    this.record = record
    this.row = row
    if (this.problems.length > 0) this.problems = []
    return this
  }

  get ok(): boolean {
    return this.problems.length === 0
  }

  problem(column: string, detail: RowProblemDetail): void {
    this.problems.push({ row: this.row, column, ...detail })
  }

  /** The field's text, trimmed; '' when the column is absent from this record. */
  raw(column: string): string {
    const at = this.index.get(column)
    const value = at === undefined ? '' : (this.record[at] ?? '')
    // trim() costs more than looking at both ends, and a million-row file has five fields a row.
    return value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value
  }

  text(column: string, maxLength: number): string {
    const value = this.raw(column)
    if (value === '') this.problem(column, EMPTY)
    else if (value.length > maxLength) this.problem(column, { code: 'tooLong', max: maxLength, length: value.length })
    return value
  }

  int(column: string, min: number, max: number): number {
    const value = this.raw(column)
    if (value === '') {
      this.problem(column, EMPTY)
      return 0
    }
    const n = digits(value)
    if (Number.isNaN(n)) {
      this.problem(column, { code: 'notInteger', value })
      return 0
    }
    if (n < min || n > max) this.problem(column, { code: 'outOfRange', min, max, value })
    return n
  }

  number(column: string, min: number, max: number): number {
    const value = this.raw(column)
    if (!NUMBER.test(value)) {
      this.problem(column, value === '' ? EMPTY : { code: 'notNumber', value })
      return 0
    }
    const n = Number(value)
    if (n < min || n > max) this.problem(column, { code: 'outOfRange', min, max, value })
    return n
  }

  flag(column: string): boolean {
    const value = this.raw(column)
    if (value !== '0' && value !== '1') this.problem(column, { code: 'notFlag', value })
    return value === '1'
  }

  oneOf<T extends string>(column: string, options: readonly T[]): T {
    const value = this.raw(column)
    if (!(options as readonly string[]).includes(value)) this.problem(column, { code: 'notOneOf', options, value })
    return value as T
  }

  matches(column: string, pattern: RegExp, shape: FieldShape): string {
    const value = this.raw(column)
    if (!pattern.test(value)) this.problem(column, value === '' ? EMPTY : { code: 'notShape', shape, value })
    return value
  }

  /** A calendar date 'YYYY-MM-DD' within [from, to]. Verdicts are remembered: a file holds few distinct dates. */
  date(column: string, from: string, to: string): string {
    const value = this.raw(column)
    if (this.datesFrom !== from || this.datesTo !== to) {
      this.datesFrom = from
      this.datesTo = to
      this.dates.clear()
    }
    let verdict = this.dates.get(value)
    if (verdict === undefined) {
      if (Number.isNaN(dayNumber(value))) verdict = value === '' ? EMPTY : { code: 'notDate', value }
      else if (value > to) verdict = { code: 'dateAfter', value, limit: to }
      else if (value < from) verdict = { code: 'dateBefore', value, limit: from }
      else verdict = null
      if (this.dates.size < 10_000) this.dates.set(value, verdict)
    }
    if (verdict !== null) this.problem(column, verdict)
    return value
  }

  private datesFrom = ''
  private datesTo = ''
  private readonly dates = new Map<string, RowProblemDetail | null>()
}
