import { COMPARED_FIGURES, type ComparedFigure, type FigureComparison, type StoreFigures } from '../../contracts/learning'
import type { SummaryData } from '../../contracts/insights'

/** Which way is better for each figure: fewer turnover days is better, more of everything else. */
export const BETTER_WHEN: Record<ComparedFigure, 'higher' | 'lower'> = {
  monthlySalesFen: 'higher',
  grossMargin: 'higher',
  turnoverDays: 'lower',
  grade: 'higher',
  sellThrough: 'higher',
}

/**
 * 我的店 vs 示范店: one line per figure, my value beside the model's, the gap (model − mine) and where I
 * stand. My figures come as plain inputs (the summary of my month); a figure I lack is null and compares
 * to nothing. Ratios level within 0.0005 (shown to one decimal of a percent), days within 0.05, money and
 * grades exactly.
 */
const LEVEL_WITHIN: Record<ComparedFigure, number> = {
  monthlySalesFen: 0,
  grossMargin: 0.0005,
  turnoverDays: 0.05,
  grade: 0,
  sellThrough: 0.0005,
}

export const compareWithModel = (mine: Partial<Record<ComparedFigure, number | null>>, model: StoreFigures): FigureComparison[] =>
  COMPARED_FIGURES.map((figure) => {
    const mineValue = mine[figure]
    const value = mineValue === undefined || mineValue === null || !Number.isFinite(mineValue) ? null : mineValue
    const betterWhen = BETTER_WHEN[figure]
    if (value === null) return { figure, mine: null, model: model[figure], betterWhen, gap: null, standing: null }
    const gap = model[figure] - value
    const standing = Math.abs(gap) <= LEVEL_WITHIN[figure] ? 'level' : (betterWhen === 'higher' ? gap < 0 : gap > 0) ? 'ahead' : 'behind'
    return { figure, mine: value, model: model[figure], betterWhen, gap, standing }
  })

/**
 * My figures for the comparison, from my operating summary of one whole month: sales and gross margin
 * only with POS data (a month without any compares to nothing), turnover days and sell-through as the
 * summary found them, the grade as it stands.
 */
export const myFiguresOf = (
  summary: Pick<SummaryData, 'hasPosData' | 'current' | 'turnoverDays' | 'sellThrough' | 'grade'>,
): Record<ComparedFigure, number | null> => ({
  monthlySalesFen: summary.hasPosData ? summary.current.salesFen : null,
  grossMargin: summary.hasPosData && summary.current.salesFen > 0 ? summary.current.grossProfitFen / summary.current.salesFen : null,
  turnoverDays: summary.turnoverDays,
  grade: summary.grade,
  sellThrough: summary.sellThrough,
})
