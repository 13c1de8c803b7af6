import { currentCycle, cycleOfOrderDate, previousCycle } from '../../cloudfunctions/core/schedule'
import type { CalendarOverride, OrderWindow } from '../../cloudfunctions/contracts/vocabulary'

/** Hand-worked instants. Every expected value below was counted on a calendar, not computed. */
const at = (iso: string) => Date.parse(iso)
const HOUR = 3600_000

const SAT_TO_MON: OrderWindow = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }

describe('a window from Saturday 12:00 to Monday 16:00', () => {
  it('is open at Monday 15:59:59 with one second left', () => {
    expect(currentCycle(SAT_TO_MON, at('2026-11-23T15:59:59+08:00'))).toEqual({
      phase: 'open',
      msLeft: 1000,
      cycle: { cycleId: '2026-11-23', opensAt: at('2026-11-21T12:00:00+08:00'), closesAt: at('2026-11-23T16:00:00+08:00') },
    })
  })

  it('is closed at Monday 16:00:00, and the next one opens Saturday 28 November at 12:00 (4 days 20 hours later)', () => {
    expect(currentCycle(SAT_TO_MON, at('2026-11-23T16:00:00+08:00'))).toEqual({
      phase: 'upcoming',
      msLeft: (4 * 24 + 20) * HOUR,
      cycle: { cycleId: '2026-11-30', opensAt: at('2026-11-28T12:00:00+08:00'), closesAt: at('2026-11-30T16:00:00+08:00') },
    })
  })

  it('opens exactly at Saturday 12:00:00.000, with 52 hours to go', () => {
    expect(currentCycle(SAT_TO_MON, at('2026-11-28T11:59:59.999+08:00'))).toMatchObject({ phase: 'upcoming', msLeft: 1 })
    expect(currentCycle(SAT_TO_MON, at('2026-11-28T12:00:00+08:00'))).toMatchObject({ phase: 'open', msLeft: 52 * HOUR })
  })

  it('counts a Sunday order and a Monday order in the cycle closing that Monday, a Tuesday order in the next', () => {
    expect(cycleOfOrderDate(SAT_TO_MON, '2026-11-22').cycleId).toBe('2026-11-23')
    expect(cycleOfOrderDate(SAT_TO_MON, '2026-11-23').cycleId).toBe('2026-11-23')
    expect(cycleOfOrderDate(SAT_TO_MON, '2026-11-24').cycleId).toBe('2026-11-30')
  })
})

describe('windows across midnight, the week end and the year end', () => {
  it('a Sunday 22:00 → Monday 02:00 window is open at Sunday 23:30 with 2.5 hours left, and belongs to Monday', () => {
    // 2026-11-22T23:30+08:00 is still Sunday morning in Los Angeles, where the tests run.
    expect(currentCycle({ openWeekday: 7, openTime: '22:00', closeWeekday: 1, closeTime: '02:00' }, at('2026-11-22T23:30:00+08:00'))).toEqual({
      phase: 'open',
      msLeft: 2.5 * HOUR,
      cycle: { cycleId: '2026-11-23', opensAt: at('2026-11-22T22:00:00+08:00'), closesAt: at('2026-11-23T02:00:00+08:00') },
    })
  })

  it('a Wednesday 08:00 → Thursday 17:00 window closing on New Year’s Eve reopens on 6 January 2027', () => {
    const window: OrderWindow = { openWeekday: 3, openTime: '08:00', closeWeekday: 4, closeTime: '17:00' }
    expect(currentCycle(window, at('2026-12-31T16:59:59+08:00'))).toMatchObject({ phase: 'open', msLeft: 1000, cycle: { cycleId: '2026-12-31' } })
    expect(currentCycle(window, at('2026-12-31T17:00:00+08:00'))).toEqual({
      phase: 'upcoming',
      msLeft: (5 * 24 + 15) * HOUR,
      cycle: { cycleId: '2027-01-07', opensAt: at('2027-01-06T08:00:00+08:00'), closesAt: at('2027-01-07T17:00:00+08:00') },
    })
  })

  it('a window closing at Friday 00:00 on 1 January is named 2027-01-01 while it is still 2026 in China', () => {
    const window: OrderWindow = { openWeekday: 4, openTime: '08:00', closeWeekday: 5, closeTime: '00:00' }
    expect(currentCycle(window, at('2026-12-31T23:59:59+08:00'))).toMatchObject({ phase: 'open', msLeft: 1000, cycle: { cycleId: '2027-01-01' } })
    expect(currentCycle(window, at('2027-01-01T00:00:00+08:00'))).toMatchObject({ phase: 'upcoming', cycle: { cycleId: '2027-01-08' } })
    expect(previousCycle(window, at('2027-01-01T00:00:00+08:00')).cycleId).toBe('2027-01-01')
  })
})

describe('company calendar overrides (国庆 2026)', () => {
  // The cycle that would close Monday 5 October.
  const moved: CalendarOverride = { cycleId: '2026-10-05', action: 'move', newOpen: '2026-10-08T08:00:00+08:00', newClose: '2026-10-09T16:00:00+08:00' }
  const cancelled: CalendarOverride = { cycleId: '2026-10-05', action: 'cancel' }

  it('a moved cycle keeps its name and waits for its new opening: Saturday 3 October 12:00 → Thursday 8 October 08:00', () => {
    expect(currentCycle(SAT_TO_MON, at('2026-10-03T12:00:00+08:00'), [moved])).toEqual({
      phase: 'upcoming',
      msLeft: (4 * 24 + 20) * HOUR,
      cycle: { cycleId: '2026-10-05', opensAt: at('2026-10-08T08:00:00+08:00'), closesAt: at('2026-10-09T16:00:00+08:00'), override: moved },
    })
    expect(currentCycle(SAT_TO_MON, at('2026-10-09T15:00:00+08:00'), [moved])).toMatchObject({ phase: 'open', msLeft: HOUR, cycle: { cycleId: '2026-10-05' } })
    expect(currentCycle(SAT_TO_MON, at('2026-10-09T16:00:00+08:00'), [moved])).toMatchObject({
      phase: 'upcoming',
      msLeft: 20 * HOUR,
      cycle: { cycleId: '2026-10-12', opensAt: at('2026-10-10T12:00:00+08:00') },
    })
  })

  it('a cancelled cycle is skipped: on 3 October the next window is the regular one opening 10 October, a week away', () => {
    expect(currentCycle(SAT_TO_MON, at('2026-10-03T12:00:00+08:00'), [cancelled])).toEqual({
      phase: 'upcoming',
      msLeft: 7 * 24 * HOUR,
      cycle: { cycleId: '2026-10-12', opensAt: at('2026-10-10T12:00:00+08:00'), closesAt: at('2026-10-12T16:00:00+08:00') },
    })
    expect(previousCycle(SAT_TO_MON, at('2026-10-07T00:00:00+08:00'), [cancelled]).cycleId).toBe('2026-09-28')
  })
})
