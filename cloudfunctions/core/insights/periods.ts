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
  /** Today, or the period's last day when it is over. */
  asOf: string
  /** The period so far. */
  current: Span
  /**
   * The period before and the same period a year earlier, cut to as many days as the current one
   * has run, so a Wednesday compares Monday–Wednesday with Monday–Wednesday.
   */
  previous: Span
  lastYear: Span
}

const firstDays = (start: string, days: number, last: string): Span => ({ from: start, to: minDate(addDays(start, days - 1), last) })

export const comparedSpans = (kind: PeriodKind, date: string, today: string): ComparedSpans => {
  const period = periodOf(kind, date)
  const asOf = minDate(period.to, today)
  const days = daysBetween(period.from, asOf) + 1
  if (kind === 'week') {
    // 52 weeks back lands on the same weekday a year earlier.
    const previous = addDays(period.from, -7)
    const lastYear = addDays(period.from, -364)
    return { period, asOf, current: { from: period.from, to: asOf }, previous: firstDays(previous, days, addDays(previous, 6)), lastYear: firstDays(lastYear, days, addDays(lastYear, 6)) }
  }
  const month = monthOf(date)
  const previous = addMonths(month, -1)
  const lastYear = addMonths(month, -12)
  return {
    period,
    asOf,
    current: { from: period.from, to: asOf },
    previous: firstDays(monthStart(previous), days, monthEnd(previous)),
    lastYear: firstDays(monthStart(lastYear), days, monthEnd(lastYear)),
  }
}
