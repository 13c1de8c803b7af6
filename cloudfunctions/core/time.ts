/**
 * The one time module. Everything here is China time (UTC+8, no daylight saving), computed by
 * epoch arithmetic so the answer never depends on the zone of the server, the laptop or the phone.
 *
 * Dates 'YYYY-MM-DD' are handled as plain day numbers, not Date or dayjs objects: the importer and
 * the summary turn dates into days millions of times per file, where an object per date costs
 * several times more (see the import bench). Words for people (labels, durations, money) are in
 * `cloudfunctions/words/time.ts`.
 */

export const SECOND_MS = 1000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS
export const CHINA_OFFSET_MS = 8 * HOUR_MS

/** ISO-8601 with the +08:00 offset: `2026-11-23T16:00:00+08:00`. */
export const chinaIso = (at: number): string => `${new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`

/** The China date of an instant, 'YYYY-MM-DD'. */
/** Day numbers of 0000-01-01 and 9999-12-31: the dates ISO-8601 writes with four digits. */
const FIRST_ISO_DAY = -719_528
const LAST_ISO_DAY = 2_932_896

/** The China date of an instant, by day-number arithmetic (a Date and toISOString cost 5× more; the home page asks dozens of times). */
export const chinaDate = (at: number): string => {
  const day = Math.floor((at + CHINA_OFFSET_MS) / DAY_MS)
  // Outside four-digit years, and for NaN (which throws), exactly as Date writes it.
  return day >= FIRST_ISO_DAY && day <= LAST_ISO_DAY ? dateOfDay(day) : new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** 1 = Monday … 7 = Sunday, in China. */
export const chinaWeekday = (at: number): number => {
  const days = Math.floor((at + CHINA_OFFSET_MS) / DAY_MS)
  return ((((days + 3) % 7) + 7) % 7) + 1 // 1970-01-01 was a Thursday
}

/** The instant a China date begins. */
export const chinaDayStart = (date: string): number => Date.parse(`${date}T00:00:00+08:00`)

// Civil-date arithmetic on integers (H. Hinnant's algorithms): the summary and the importer turn
// dates into day numbers thousands of times a second, and Date objects cost far more.
const daysFromCivil = (y: number, m: number, d: number): number => {
  const year = m <= 2 ? y - 1 : y
  const era = Math.floor(year / 400)
  const yoe = year - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const lengthOf = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1])

const digitsAt = (text: string, from: number, count: number): number => {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48
    if (c < 0 || c > 9) return NaN
    n = n * 10 + c
  }
  return n
}

/** Days since 1970-01-01 of a valid date 'YYYY-MM-DD'; NaN for anything else (including 2026-02-30). */
export const dayNumber = (date: string): number => {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN
  const y = digitsAt(date, 0, 4)
  const m = digitsAt(date, 5, 2)
  const d = digitsAt(date, 8, 2)
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= lengthOf(y, m))) return NaN
  return daysFromCivil(y, m, d)
}

export const isDate = (date: string): boolean => !Number.isNaN(dayNumber(date))

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

export const dateOfDay = (day: number): string => {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`
}

export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days)

export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from)

/** The Monday of the week holding `date` (1970-01-01 was a Thursday). */
export const weekStart = (date: string): string => {
  const day = dayNumber(date)
  return dateOfDay(day - ((day + 3) % 7))
}

export const monthOf = (date: string): string => date.slice(0, 7)

/** Day of the month, 1–31. */
export const dayOfMonth = (date: string): number => Number(date.slice(8, 10))

export const addMonths = (month: string, by: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const daysInMonth = (month: string): number => lengthOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)))

export const monthStart = (month: string): string => `${month}-01`
export const monthEnd = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`

export const dateIn = (month: string, day: number): string => `${month}-${two(day)}`

/** Every date from `from` to `to`, both included. */
export const datesFrom = (from: string, to: string): string[] => {
  const dates: string[] = []
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) dates.push(dateOfDay(day))
  return dates
}

/** Months from the one holding `from` to the one holding `to`, both included. */
export const monthsFrom = (from: string, to: string): string[] => {
  const months: string[] = []
  for (let month = monthOf(from), last = monthOf(to); month <= last; month = addMonths(month, 1)) months.push(month)
  return months
}

export const minDate = (a: string, b: string): string => (a < b ? a : b)
export const maxDate = (a: string, b: string): string => (a > b ? a : b)

/** The instant the China week (from Monday 00:00) holding `at` begins. */
export const chinaWeekStart = (at: number): number => chinaDayStart(weekStart(chinaDate(at)))
