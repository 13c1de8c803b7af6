import { chinaIso } from '../../cloudfunctions/core/time'
import fc from 'fast-check'
import { currentCycle } from '../../cloudfunctions/core/schedule'
import { DEFAULT_OFFSETS, remindersBetween, remindersOfCycle, nextReminderAfter } from '../../cloudfunctions/core/reminders/plan'
import type { OrderWindow } from '../../cloudfunctions/contracts/vocabulary'

/** The reminder instants of the cycle open (or next) at `at`, as ISO strings with their offsets. */
const plan = (window: OrderWindow, at: string, offsets = DEFAULT_OFFSETS) =>
  remindersOfCycle(currentCycle(window, Date.parse(at)).cycle, offsets).map((r) => [r.offset, chinaIso(r.at), r.last ? 'last' : ''])

describe('when a retailer is reminded (hand-worked)', () => {
  it('Saturday 12:00 → Monday 16:00: at the opening, at noon on Monday, and at 14:00 Monday, the last', () => {
    expect(plan({ openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }, '2026-11-21T00:00:00+08:00')).toEqual([
      ['atOpen', '2026-11-21T12:00:00+08:00', ''],
      ['closingDayNoon', '2026-11-23T12:00:00+08:00', ''],
      ['twoHoursBefore', '2026-11-23T14:00:00+08:00', 'last'],
    ])
  })

  it('Friday 08:00–12:00: noon is the close itself, so only 08:00 and 10:00', () => {
    expect(plan({ openWeekday: 5, openTime: '08:00', closeWeekday: 5, closeTime: '12:00' }, '2026-11-23T00:00:00+08:00')).toEqual([
      ['atOpen', '2026-11-27T08:00:00+08:00', ''],
      ['twoHoursBefore', '2026-11-27T10:00:00+08:00', 'last'],
    ])
  })

  it('closing Wednesday 23:59: 21:59 is in quiet hours but 08:00 would be past the close, so it stays at 21:59', () => {
    expect(plan({ openWeekday: 6, openTime: '12:00', closeWeekday: 3, closeTime: '23:59' }, '2026-11-23T00:00:00+08:00')).toEqual([
      ['atOpen', '2026-11-21T12:00:00+08:00', ''],
      ['closingDayNoon', '2026-11-25T12:00:00+08:00', ''],
      ['twoHoursBefore', '2026-11-25T21:59:00+08:00', 'last'],
    ])
  })

  it('Sunday 22:00 → Monday 10:00: the opening moves out of quiet hours to 08:00, where 2 hours before close already is: one message', () => {
    expect(plan({ openWeekday: 7, openTime: '22:00', closeWeekday: 1, closeTime: '10:00' }, '2026-11-22T00:00:00+08:00')).toEqual([
      ['twoHoursBefore', '2026-11-23T08:00:00+08:00', 'last'],
    ])
  })

  it('a window closing at midnight is reminded at noon of its last day, and at 22:00 (quiet, but 08:00 is too late)', () => {
    expect(plan({ openWeekday: 4, openTime: '08:00', closeWeekday: 5, closeTime: '00:00' }, '2026-11-23T00:00:00+08:00')).toEqual([
      ['atOpen', '2026-11-26T08:00:00+08:00', ''],
      ['closingDayNoon', '2026-11-26T12:00:00+08:00', ''],
      ['twoHoursBefore', '2026-11-26T22:00:00+08:00', 'last'],
    ])
  })

  it('leaves out what the retailer turned off', () => {
    expect(
      plan({ openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }, '2026-11-21T00:00:00+08:00', { atOpen: false, closingDayNoon: true, twoHoursBefore: false }),
    ).toEqual([['closingDayNoon', '2026-11-23T12:00:00+08:00', 'last']])
    expect(nextReminderAfter({ openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }, [], { atOpen: false, closingDayNoon: false, twoHoursBefore: false }, 0)).toBeNull()
  })

  it('lists what is due in (from, to]: an instant exactly at `to` is due, one exactly at `from` was already', () => {
    const window: OrderWindow = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }
    const due = (from: string, to: string) => remindersBetween(window, [], DEFAULT_OFFSETS, Date.parse(from), Date.parse(to)).map((r) => chinaIso(r.at))
    expect(due('2026-11-23T11:55:00+08:00', '2026-11-23T12:00:00+08:00')).toEqual(['2026-11-23T12:00:00+08:00'])
    expect(due('2026-11-23T12:00:00+08:00', '2026-11-23T12:05:00+08:00')).toEqual([])
    expect(due('2026-11-21T00:00:00+08:00', '2026-11-28T12:00:00+08:00')).toEqual([
      '2026-11-21T12:00:00+08:00',
      '2026-11-23T12:00:00+08:00',
      '2026-11-23T14:00:00+08:00',
      '2026-11-28T12:00:00+08:00',
    ])
  })
})

describe('when a retailer is reminded (property-based)', () => {
  const two = (n: number) => String(n).padStart(2, '0')
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${two(h)}:${two(m)}`)
  const weekday = fc.integer({ min: 1, max: 7 })
  const window = fc.record({ openWeekday: weekday, openTime: time, closeWeekday: weekday, closeTime: time })
  const offsets = fc.record({ atOpen: fc.boolean(), closingDayNoon: fc.boolean(), twoHoursBefore: fc.boolean() })
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
  const localMinutes = (at: number) => Math.floor((((at + 8 * 3600_000) % 86_400_000) + 86_400_000) % 86_400_000 / 60_000)

  it('keeps every reminder inside the window, in time order, one per instant, the last marked, quiet hours only when 08:00 is too late', () => {
    fc.assert(
      fc.property(window, offsets, instant, (w, on, at) => {
        const cycle = currentCycle(w, at).cycle
        const reminders = remindersOfCycle(cycle, on)
        expect(reminders.length).toBeLessThanOrEqual(Object.values(on).filter(Boolean).length)
        reminders.forEach((r, i) => {
          expect(r.at).toBeGreaterThanOrEqual(cycle.opensAt)
          expect(r.at).toBeLessThan(cycle.closesAt)
          if (i > 0) expect(r.at).toBeGreaterThan(reminders[i - 1].at)
          expect(r.last).toBe(i === reminders.length - 1)
          const minute = localMinutes(r.at)
          if (minute >= 21 * 60 || minute < 8 * 60) {
            const nextMorning = r.at - minute * 60_000 + (minute >= 21 * 60 ? 86_400_000 : 0) + 8 * 3600_000
            expect(nextMorning).toBeGreaterThanOrEqual(cycle.closesAt)
          }
        })
      }),
      { numRuns: 500 },
    )
  })

  it('the next fire time is the first reminder due after the instant', () => {
    fc.assert(
      fc.property(window, offsets, instant, (w, on, at) => {
        const next = nextReminderAfter(w, [], on, at)
        if (next === null) return expect(remindersBetween(w, [], on, at, at + 3 * 7 * 86_400_000)).toEqual([])
        expect(next).toBeGreaterThan(at)
        expect(remindersBetween(w, [], on, at, next).map((r) => r.at)).toEqual([next])
      }),
      { numRuns: 500 },
    )
  })
})
