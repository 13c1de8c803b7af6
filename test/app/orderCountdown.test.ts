import { formatDuration } from '../../cloudfunctions/words/time'
import { describeWindow, orderCountdown } from '../../src/lib/orderCountdown'
import type { OrderWindow } from '@contracts'

// The suite runs with TZ=America/Los_Angeles: every instant below is written in China time and
// the answers must not move with the machine's zone.
const at = (iso: string) => Date.parse(iso)

/** demo-retailer-1: opens Saturday 12:00, closes Monday 16:00 (China time). */
const satToMon: OrderWindow = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }
/** demo-retailer-2: Tuesday 08:00–16:00. */
const tuesday: OrderWindow = { openWeekday: 2, openTime: '08:00', closeWeekday: 2, closeTime: '16:00' }

describe('the home page countdown', () => {
  it('two seconds before Monday 16:00 says the window closes in 2秒', () => {
    expect(orderCountdown(satToMon, at('2025-01-06T15:59:58+08:00'))).toEqual({
      phase: 'open',
      lead: '距本周订货截止还有',
      remaining: '2秒',
      when: '周一 16:00 截止',
    })
  })

  it('at Monday 16:00 exactly the window has closed and counts down 4天20小时 to Saturday 12:00', () => {
    expect(orderCountdown(satToMon, at('2025-01-06T16:00:00+08:00'))).toEqual({
      phase: 'upcoming',
      lead: '距下次订货开始还有',
      remaining: '4天20小时0分0秒',
      when: '周六 12:00 开始',
    })
  })

  it('at Saturday 12:00 the window is open with 2天4小时 left', () => {
    expect(orderCountdown(satToMon, at('2025-01-04T12:00:00+08:00'))).toMatchObject({
      phase: 'open',
      remaining: '2天4小时0分0秒',
      when: '周一 16:00 截止',
    })
  })

  it('rounds part seconds up, so 60.5 s left reads 1分1秒', () => {
    expect(orderCountdown(satToMon, at('2025-01-06T15:58:59.500+08:00')).remaining).toBe('1分1秒')
  })

  it('a Tuesday window seen on Tuesday evening names the date of next Tuesday', () => {
    expect(orderCountdown(tuesday, at('2025-01-07T16:00:00+08:00'))).toMatchObject({
      phase: 'upcoming',
      remaining: '6天16小时0分0秒',
      when: '1月14日 周二 08:00 开始',
    })
  })

  it('skips a cancelled cycle and counts to the one after it', () => {
    const overrides = [{ cycleId: '2025-01-13', action: 'cancel' as const }]
    expect(orderCountdown(satToMon, at('2025-01-06T16:00:00+08:00'), overrides)).toMatchObject({
      phase: 'upcoming',
      remaining: '11天20小时0分0秒',
      when: '1月18日 周六 12:00 开始',
    })
  })

  it('counts to a moved cycle’s new close', () => {
    const overrides = [{ cycleId: '2025-01-13', action: 'move' as const, newOpen: '2025-01-11T12:00:00+08:00', newClose: '2025-01-14T10:00:00+08:00' }]
    expect(orderCountdown(satToMon, at('2025-01-13T17:00:00+08:00'), overrides)).toMatchObject({
      phase: 'open',
      remaining: '17小时0分0秒',
      when: '周二 10:00 截止',
    })
  })
})

describe('remaining time in words', () => {
  it.each([
    [0, '0秒'],
    [999, '1秒'],
    [59_000, '59秒'],
    [3_600_000, '1小时0分0秒'],
    [86_400_000 + 61_000, '1天0小时1分1秒'],
  ])('%i ms reads %s', (ms, words) => {
    expect(formatDuration(ms)).toBe(words)
  })
})

describe('the order window in words', () => {
  it('reads a window spanning days as 每周六 12:00 至周一 16:00', () => {
    expect(describeWindow(satToMon)).toBe('每周六 12:00 至周一 16:00')
  })

  it('reads a same-day window as 每周二 08:00–16:00', () => {
    expect(describeWindow(tuesday)).toBe('每周二 08:00–16:00')
  })
})
