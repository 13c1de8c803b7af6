import fc from 'fast-check'
import { chinaDate } from '../../cloudfunctions/core/time'

const byDate = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10)

describe('chinaDate by day numbers', () => {
  it('writes the same date as Date.toISOString for any instant Date can hold', () => {
    fc.assert(fc.property(fc.integer({ min: -8.64e15 + 8 * 3_600_000, max: 8.64e15 - 8 * 3_600_000 }), (at) => expect(chinaDate(at)).toBe(byDate(at))), { numRuns: 5000 })
  })

  it('turns the day at China midnight, whatever the machine’s time zone', () => {
    expect(chinaDate(Date.parse('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31')
    expect(chinaDate(Date.parse('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01')
    expect(chinaDate(Date.parse('2024-02-28T16:00:00Z'))).toBe('2024-02-29')
    expect(chinaDate(Date.parse('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31')
    expect(chinaDate(Date.parse('0000-01-01T00:00:00Z'))).toBe('0000-01-01')
    expect(chinaDate(Date.parse('9999-12-31T15:59:59.999Z'))).toBe('9999-12-31')
    expect(chinaDate(Date.parse('9999-12-31T16:00:00Z'))).toBe('+010000-01') // as toISOString().slice(0, 10) writes year 10000
  })

  it('throws on an instant that is not a number, as Date does', () => {
    expect(() => chinaDate(NaN)).toThrow(RangeError)
  })
})
