import { EffectivenessTally } from '../../cloudfunctions/core/guidance/effectiveness'
import { INDICATORS, type Direction, type Guide, type Indicator } from '../../cloudfunctions/contracts/guidance'
import { effectivenessText } from '../../cloudfunctions/words/guidance'

/** §5: a strategy's effectiveness, worked by hand on eight shops. */

const guide = (month: string, licenseNo: string, businessType: string, figures: Partial<Record<Indicator, number | null>>, strategies: [string, Indicator, Direction][] = []): Guide => ({
  licenseNo,
  month,
  configVersion: 'guidance-v1',
  basic: { businessType, integrityScore: 90, monthlyQuotaCartons: 10, newRetailScore: 70, terminalLevel: 3, shopAreaM2: 30, pool: 8 },
  grade: { now: 10, before: 10, change: 0 },
  indicators: INDICATORS.map((id) => ({ id, value: figures[id] ?? null, percentile: null })),
  keySkuScore: 0,
  potential: 0,
  classes: [{ id: 'stable', reasons: [{ code: 'noTargetClass' }] }],
  strategies: strategies.map(([id, indicator, direction]) => ({ id, title: id, body: '', priority: 1, target: { indicator, direction }, actions: [], why: { classes: [], conditions: [] } })),
  comparison: null,
})

const A: [string, Indicator, Direction] = ['a', 'scanRate', 'up']
const B: [string, Indicator, Direction] = ['b', 'quotaFill', 'down']

/**
 * Strategy a (scan rate up), given in September to four 便利店:
 *   L1 0.5 → 0.7 moved · L2 0.6 → 0.6 not moved (equal is no move) · L3 0.6 → none: not judged ·
 *   L8 not in October's pool: not judged.
 *   Recipients judged 2, moved 1 → 50 %.
 * The other 便利店 (no a): L4 0.5 → 0.4 no · L5 0.5 → 0.9 yes · L6 0.5 → 0.6 yes → 3 judged, 2 moved → 66.67 %.
 * L7 is a 食杂店: not a recipients' type, so not among a's others.
 *   a: 50 − 66.67 = −16.67 percentage points.
 * Strategy b (quota fill down), given to L7 only: 1 → 0.9 moved → 100 %; no other 食杂店 → no comparison.
 */
const shops: [Guide, Guide | null][] = [
  [guide('2026-09', 'L1', '便利店', { scanRate: 0.5 }, [A]), guide('2026-10', 'L1', '便利店', { scanRate: 0.7 })],
  [guide('2026-09', 'L2', '便利店', { scanRate: 0.6 }, [A]), guide('2026-10', 'L2', '便利店', { scanRate: 0.6 })],
  [guide('2026-09', 'L3', '便利店', { scanRate: 0.6 }, [A]), guide('2026-10', 'L3', '便利店', { scanRate: null })],
  [guide('2026-09', 'L4', '便利店', { scanRate: 0.5 }), guide('2026-10', 'L4', '便利店', { scanRate: 0.4 })],
  [guide('2026-09', 'L5', '便利店', { scanRate: 0.5 }), guide('2026-10', 'L5', '便利店', { scanRate: 0.9 })],
  [guide('2026-09', 'L6', '便利店', { scanRate: 0.5 }), guide('2026-10', 'L6', '便利店', { scanRate: 0.6 })],
  [guide('2026-09', 'L7', '食杂店', { scanRate: 0.1, quotaFill: 1 }, [B]), guide('2026-10', 'L7', '食杂店', { scanRate: 0.9, quotaFill: 0.9 })],
  [guide('2026-09', 'L8', '便利店', { scanRate: 0.2 }, [A]), null],
]

describe('strategy effectiveness', () => {
  const tally = new EffectivenessTally()
  for (const [last, now] of shops) tally.add(last, now)
  const [a, b] = tally.result()

  it('compares the recipients’ share that moved the intended way with their types’ non-recipients, in points', () => {
    expect(a).toMatchObject({ strategyId: 'a', indicator: 'scanRate', direction: 'up', recipients: 2, recipientsMoved: 1, others: 3, othersMoved: 2, recipientsUnjudged: 2, recipientsShare: 50 })
    expect(a.othersShare).toBeCloseTo(200 / 3, 10)
    expect(a.points).toBeCloseTo(50 - 200 / 3, 10)
    expect(effectivenessText(a)).toBe('收到的 2 户中 50% 达到预期，未收到的同类 3 户中 66.7%，低 16.7 个百分点')
  })

  it('judges “down” as a fall, and gives no difference without comparable shops', () => {
    expect(b).toMatchObject({ strategyId: 'b', recipients: 1, recipientsMoved: 1, others: 0, othersMoved: 0, recipientsShare: 100, othersShare: null, points: null })
    expect(effectivenessText(b)).toBe('收到的 1 户中 100% 达到预期，没有可比的同类零售户')
  })

  it('gives the same answer whatever order the shops come in (pages of guides)', () => {
    const reversed = new EffectivenessTally()
    for (const [last, now] of [...shops].reverse()) reversed.add(last, now)
    expect(reversed.result()).toEqual(tally.result())
  })
})
