import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, chinaWeekday } from '@core/time'
import { WEEKDAY_NAMES, formatDuration } from '../../cloudfunctions/words/time'
import { formatFen } from '../../cloudfunctions/words/numbers'
import fc from 'fast-check'

/** The app's one copy of the time vocabulary: constants, weekday names, durations and money. */
describe('time constants', () => {
  it('are the plain numbers of milliseconds', () => {
    expect([SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS]).toEqual([1000, 60_000, 3_600_000, 86_400_000])
  })
})

describe('weekday names', () => {
  it('are indexed by the ISO weekday chinaWeekday gives, minus one', () => {
    // 2026-11-23 is a Monday in China; 2026-11-29 a Sunday; 2026-11-27 a Friday.
    const nameAt = (iso: string) => WEEKDAY_NAMES[chinaWeekday(Date.parse(iso)) - 1]
    expect(nameAt('2026-11-23T00:30:00+08:00')).toBe('周一')
    expect(nameAt('2026-11-29T23:59:00+08:00')).toBe('周日')
    expect(nameAt('2026-11-27T12:00:00+08:00')).toBe('周五')
  })
})

describe('durations in words', () => {
  const SECONDS: Record<string, number> = { 天: 86_400, 小时: 3_600, 分: 60, 秒: 1 }
  const readBack = (words: string) => [...words.matchAll(/(\d+)(天|小时|分|秒)/g)].reduce((sum, [, n, unit]) => sum + Number(n) * SECONDS[unit], 0)

  it('say the whole seconds left, rounded up, with no leading zero unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 86_400_000 }), (ms) => {
        const words = formatDuration(ms)
        expect(readBack(words)).toBe(Math.ceil(ms / 1000))
        expect(words).toMatch(/^(0秒|[1-9])/)
        // Once a unit is shown, every smaller one is shown too (1小时0分0秒, never 1小时).
        expect(words).toMatch(/(天\d+小时\d+分\d+秒|小时\d+分\d+秒|分\d+秒|^\d+秒)$/)
      }),
    )
  })

  it('read negative durations as nothing left', () => {
    expect(formatDuration(-5_000)).toBe('0秒')
  })
})

describe('money', () => {
  it('writes a debt as the same words with a minus sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 10 }), (fen) => {
        expect(formatFen(-fen)).toBe(`-${formatFen(fen)}`)
      }),
    )
  })
})
