import { addDays, addMonths, daysBetween, minDate, monthEnd, monthOf, monthStart, weekStart } from '../time'
import type { PeriodKind } from '../../contracts/vocabulary'


/** Days from `from` to `to`, both included. */
export interface Span {
  from: string
  to: string
}

/** The week (Monday–Sunday) or calendar month holding `date`. */
export const periodOf = (kind: PeriodKind, date: string): Span => {
  if (kind === 'week') {
    const from = weekStart(date)
    return { from, to: addDays(from, 6) }
  }
  const month = monthOf(date)
  return { from: monthStart(month), to: monthEnd(month) }
}

export interface ComparedSpans {
  period: Span
  /** The last day of the period the figures run to; the day before `period.from` when `days` is 0. */
  asOf: string
  /** Days from the period's start to `asOf`. */
  days: number
  /** The period up to `asOf` (empty, `to` before `from`, when `days` is 0). */
  current: Span
  /**
   * The period before and the same period a year earlier, cut to as many days as the current one
   * has run, so a Wednesday compares Monday–Wednesday with Monday–Wednesday.
   */
  previous: Span
  lastYear: Span
  /** The whole period before: 上周全周, 上月全月. */
  previousWhole: Span
}

const firstDays = (start: string, days: number, last: string): Span => ({ from: start, to: minDate(addDays(start, days - 1), last) })

/**
 * The spans of a summary whose data runs to `dataThrough` (the last day with data; null: none).
 * The period ends there, not at today: a day without data yet is not a day of zero sales.
 */
export const comparedSpans = (kind: PeriodKind, date: string, dataThrough: string | null): ComparedSpans => {
  const period = periodOf(kind, date)
  const through = dataThrough === null ? addDays(period.from, -1) : minDate(period.to, dataThrough)
  const asOf = through < period.from ? addDays(period.from, -1) : through
  const days = daysBetween(period.from, asOf) + 1
  const current = { from: period.from, to: asOf }
  if (kind === 'week') {
    // 52 weeks back lands on the same weekday a year earlier.
    const previous = addDays(period.from, -7)
    const lastYear = addDays(period.from, -364)
    return {
      period,
      asOf,
      days,
      current,
      previous: firstDays(previous, days, addDays(previous, 6)),
      lastYear: firstDays(lastYear, days, addDays(lastYear, 6)),
      previousWhole: { from: previous, to: addDays(previous, 6) },
    }
  }
  const month = monthOf(date)
  const previous = addMonths(month, -1)
  const lastYear = addMonths(month, -12)
  return {
    period,
    asOf,
    days,
    current,
    previous: firstDays(monthStart(previous), days, monthEnd(previous)),
    lastYear: firstDays(monthStart(lastYear), days, monthEnd(lastYear)),
    previousWhole: { from: monthStart(previous), to: monthEnd(previous) },
  }
}
