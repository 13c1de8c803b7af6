/**
 * The arithmetic of the suggested order (建议订单), kept pure so property tests can hammer it.
 * Quantities in packs are fractional while they are estimates; orders are whole cartons.
 */

export const PACKS_PER_CARTON = 10
export const HISTORY_WEEKS = 8
/** Extra days of stock on top of the time until the delivery after next. */
export const SAFETY_DAYS = 3
/** Weight of each of the last 8 weeks, the most recent first: recent weeks count more. */
export const WEEK_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1] as const

/**
 * Packs sold a day, weighting recent weeks more. `weeklyPacks[0]` is the week just past;
 * only the first `weeksWithData` weeks count (a shop with two weeks of POS data is not
 * averaged with six empty weeks).
 */
export const dailyRate = (weeklyPacks: readonly number[], weeksWithData = HISTORY_WEEKS): number => {
  const weeks = Math.min(weeksWithData, HISTORY_WEEKS, weeklyPacks.length)
  let weighted = 0
  let weights = 0
  for (let i = 0; i < weeks; i++) {
    weighted += WEEK_WEIGHTS[i] * weeklyPacks[i]
    weights += WEEK_WEIGHTS[i]
  }
  return weights === 0 ? 0 : weighted / weights / 7
}

/** Whole cartons that cover `coverDays` of sales beyond the stock: the shortfall rounded up. */
export const cartonsFor = (dailyPacks: number, stockPacks: number, coverDays: number): number => {
  const shortfall = dailyPacks * coverDays - stockPacks
  // The epsilon keeps float noise (29.999999…) from ordering a carton nobody needs.
  return shortfall <= 0 ? 0 : Math.max(0, Math.ceil(shortfall / PACKS_PER_CARTON - 1e-9))
}

export interface PlanItem {
  skuCode: string
  name: string
  dailyPacks: number
  stockPacks: number
  wholesaleFenPerCarton: number
}

export interface PlannedLine extends PlanItem {
  cartons: number
  trimmedCartons: number
}

/** Most urgent first: the SKU whose stock runs out soonest; then the faster seller. */
const byUrgency = (a: PlanItem, b: PlanItem): number => {
  const days = (item: PlanItem) => (item.dailyPacks > 0 ? item.stockPacks / item.dailyPacks : Infinity)
  return days(a) - days(b) || b.dailyPacks - a.dailyPacks || (a.skuCode < b.skuCode ? -1 : 1)
}

/**
 * Cartons per SKU for `coverDays`, then trimmed to the remaining monthly quota starting with the
 * least urgent SKU. Answers the SKUs to order and those the quota cut, most urgent first.
 */
export const planOrder = (items: readonly PlanItem[], coverDays: number, remainingCartons: number): PlannedLine[] => {
  const lines = [...items].sort(byUrgency).map((item) => ({ ...item, cartons: cartonsFor(item.dailyPacks, item.stockPacks, coverDays), trimmedCartons: 0 }))
  let excess = lines.reduce((sum, line) => sum + line.cartons, 0) - Math.max(0, remainingCartons)
  for (let i = lines.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(lines[i].cartons, excess)
    lines[i].cartons -= cut
    lines[i].trimmedCartons = cut
    excess -= cut
  }
  return lines.filter((line) => line.cartons > 0 || line.trimmedCartons > 0)
}
