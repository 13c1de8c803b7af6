import type { BusinessType } from '../../contracts/vocabulary'
import type { GuidanceConfig } from './config'
import type { MarketingFigures } from './inputs'
import { round2 } from './rounding'

/**
 * Terminal improvement potential (guidance.md §3, class 4), rounded half up to 2 decimals:
 * 100 × capacity × room, with
 *   capacity = 0.4 × grade ÷ 30 + 0.3 × min(area ÷ 60, 1) + 0.3 × type factor
 *   room     = (5 − terminal level) ÷ 4
 * (the numbers from the configuration). A business type the configuration does not name counts as
 * 其他; the register only holds the six it names.
 */
export const potentialOf = (marketing: MarketingFigures, businessType: string, terminal: GuidanceConfig['terminal']): number => {
  const factors: Record<string, number> = terminal.typeFactors
  const factor = factors[businessType] ?? terminal.typeFactors['其他' satisfies BusinessType]
  const capacity =
    (terminal.gradeWeight * marketing.grade) / terminal.gradeMax +
    terminal.areaWeight * Math.min(marketing.shopAreaM2 / terminal.areaDivisorM2, 1) +
    terminal.typeWeight * factor
  const room = (terminal.levelMax - marketing.terminalLevel) / (terminal.levelMax - 1)
  return round2(100 * capacity * room)
}
