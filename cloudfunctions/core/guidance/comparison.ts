import { INDICATORS, type Guide, type GuideComparison, type IndicatorFigure, type MatchedStrategy, type StrategyOutcome } from '../../contracts/guidance'

/** Whether a value moved the intended way; null when either is missing. Equal is not a move. */
export const movedTheWay = (before: number | null, now: number | null, direction: 'up' | 'down'): boolean | null =>
  before === null || now === null ? null : direction === 'up' ? now > before : now < before

const valueOf = (figures: readonly IndicatorFigure[], id: string): IndicatorFigure | undefined => figures.find((f) => f.id === id)

/**
 * This month's guide against last month's (guidance.md §5): each indicator's change, and for each
 * strategy matched last month whether its target indicator moved the intended way.
 */
export const compareWithLast = (now: { indicators: readonly IndicatorFigure[] }, last: Guide): GuideComparison => ({
  month: last.month,
  gradeBefore: last.grade.now,
  keySkuScoreBefore: last.keySkuScore,
  potentialBefore: last.potential,
  classesBefore: last.classes.map((c) => c.id),
  indicators: INDICATORS.map((id) => {
    const before = valueOf(last.indicators, id)
    const current = valueOf(now.indicators, id)
    const b = before?.value ?? null
    const n = current?.value ?? null
    return { id, before: b, now: n, change: b === null || n === null ? null : n - b, percentileBefore: before?.percentile ?? null, percentileNow: current?.percentile ?? null }
  }),
  strategies: last.strategies.map((s: MatchedStrategy): StrategyOutcome => {
    const before = valueOf(last.indicators, s.target.indicator)?.value ?? null
    const current = valueOf(now.indicators, s.target.indicator)?.value ?? null
    return { id: s.id, title: s.title, indicator: s.target.indicator, direction: s.target.direction, before, now: current, moved: movedTheWay(before, current, s.target.direction) }
  }),
})
