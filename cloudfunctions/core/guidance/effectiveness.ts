import { DIRECTIONS, INDICATORS, type Direction, type Guide, type Indicator, type StrategyEffectiveness } from '../../contracts/guidance'
import { movedTheWay } from './comparison'

/**
 * Effectiveness of the strategies matched in M−1 (guidance.md §5): among the recipients judged, the
 * share whose target indicator moved the intended way from M−1 to M, minus the same share among
 * pool members of the recipients' business types who did not receive it — in percentage points,
 * with both counts.
 *
 * Judged: a guide in M−1 and in M, and the target indicator valued in both (a move cannot be told
 * otherwise); recipients not judged are counted apart. Fed one retailer at a time (pages of guides),
 * it keeps counts only: per business type and target, everyone judged; per strategy and type, its
 * recipients. The others are then everyone judged minus the recipients.
 */
/** Every target a strategy can name. */
const TARGETS: [Indicator, Direction][] = INDICATORS.flatMap((id) => DIRECTIONS.map((d): [Indicator, Direction] => [id, d]))

export class EffectivenessTally {
  /** `${type}|${indicator}|${direction}` → everyone judged on that target. */
  private readonly everyone = new Map<string, Count>()
  private readonly strategies = new Map<string, { indicator: Indicator; direction: Direction; byType: Map<string, Count>; unjudged: number }>()

  /** One retailer of M−1's pool: its guide of M−1 and of M (null when it is not in M's pool). */
  add(last: Guide, now: Guide | null): void {
    const type = last.basic.businessType
    const judged = new Map<string, boolean | null>()
    const judge = (indicator: Indicator, direction: Direction): boolean | null => {
      const key = `${indicator}|${direction}`
      if (!judged.has(key)) {
        const before = last.indicators.find((f) => f.id === indicator)?.value ?? null
        const after = now ? (now.indicators.find((f) => f.id === indicator)?.value ?? null) : null
        judged.set(key, movedTheWay(before, after, direction))
      }
      return judged.get(key) as boolean | null
    }
    for (const s of last.strategies) {
      let tally = this.strategies.get(s.id)
      if (!tally) this.strategies.set(s.id, (tally = { ...s.target, byType: new Map(), unjudged: 0 }))
      const moved = judge(tally.indicator, tally.direction)
      const count = countIn(tally.byType, type)
      count.recipients++
      if (moved === null) tally.unjudged++
      else {
        count.judged++
        if (moved) count.moved++
      }
    }
    if (!now) return
    // Everyone judged on every target any strategy aims at: a strategy first met later needs them too.
    for (const [indicator, direction] of TARGETS) {
      const moved = judge(indicator, direction)
      if (moved === null) continue
      const count = countIn(this.everyone, `${type}|${indicator}|${direction}`)
      count.judged++
      if (moved) count.moved++
    }
  }

  /** One row per strategy matched in M−1, by id. */
  result(): StrategyEffectiveness[] {
    return [...this.strategies.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([strategyId, s]) => {
        let recipients = 0
        let recipientsMoved = 0
        let others = 0
        let othersMoved = 0
        for (const [type, count] of s.byType) {
          recipients += count.judged
          recipientsMoved += count.moved
          const all = this.everyone.get(`${type}|${s.indicator}|${s.direction}`)
          others += (all?.judged ?? 0) - count.judged
          othersMoved += (all?.moved ?? 0) - count.moved
        }
        const recipientsShare = recipients > 0 ? (100 * recipientsMoved) / recipients : null
        const othersShare = others > 0 ? (100 * othersMoved) / others : null
        return {
          strategyId,
          indicator: s.indicator,
          direction: s.direction,
          recipients,
          recipientsMoved,
          others,
          othersMoved,
          recipientsUnjudged: s.unjudged,
          recipientsShare,
          othersShare,
          points: recipientsShare === null || othersShare === null ? null : recipientsShare - othersShare,
        }
      })
  }
}

interface Count {
  recipients: number
  judged: number
  moved: number
}

const countIn = (map: Map<string, Count>, key: string): Count => {
  let count = map.get(key)
  if (!count) map.set(key, (count = { recipients: 0, judged: 0, moved: 0 }))
  return count
}
