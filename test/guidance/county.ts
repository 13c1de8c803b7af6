import type { CatalogueFlags, MarketingFigures, RetailerMonth, SkuCartons, SkuPacks, SkuSold } from '../../cloudfunctions/core/guidance/inputs'

/**
 * A hand-worked county of ten shops for October 2026 (M = 2026-10, M−1 = 2026-09), every figure
 * worked by hand below from guidance.md with the default configuration.
 *
 * Catalogue: key SKUs K = {K1, K2, K3, K4} (|K| = 4), new SKUs N = {N1, N2}; A is neither.
 *
 * Four kinds of shop data:
 *
 * BASE (R01, R02, R04, R06):
 *   sold M   K1 20 packs 40000 fen, K2 20 / 30000, A 40 / 40000 → Σ 80 packs, 110000 fen, key 40
 *   sold M−1 the same                                          → Σ 80 packs, 110000 fen, key 40
 *   bought M K1 2, K2 2, A 4 cartons → Σ 8;   stock (last count in M) K3 5 packs, N1 0;  quota 10
 *   #1 on shelf among K: K1, K2 (sold), K3 (stock) → 3/4 = 0.75
 *   #2 40/80 = 0.5          #3 N1 has 0 on hand, not sold, not bought → 0
 *   #4 on shelf {K1, K2, A, K3} = 4, selling 3 → 0.75          #5 3
 *   #6 (40 − 40)/max(40, 1) = 0   #7 110000/80 = 1375   #8 1375 − 1375 = 0
 *   #9 8/10 = 0.8           #10 min(80/(10×8), 1) = 1
 * R03: BASE but no sales in M−1 → #6 and #8 have no value.
 * R07: sold M K1 20/40000, K2 20/30000, A 22/22000 → Σ 62 packs, 92000 fen, key 40;
 *   sold M−1 as BASE; bought K1 2, K2 2, A 6 → Σ 10; stock K3 5; quota 10
 *   #1 0.75  #2 40/62 = 0.64516…  #3 0  #4 3/4 = 0.75  #5 3  #6 0
 *   #7 92000/62 = 1483.87…  #8 1483.87… − 1375 = 108.87…  #9 10/10 = 1  #10 62/100 = 0.62
 * R08: nothing sold and nothing bought in M; sold M−1 as BASE; stock K1 10, A 10; quota 10
 *   #1 K1 (stock) → 1/4 = 0.25  #2 none (Σ packs 0)  #3 0  #4 on shelf {K1, A}, selling 0 → 0
 *   #5 0  #6 (0 − 40)/40 = −1 (M−1 sold, so it has a value)  #7 none  #8 none
 *   #9 0/10 = 0  #10 none (no cartons)
 * STRONG (R05, R10): sold M K1 30/60000, K2 20/30000, N1 14/21000 → Σ 64 packs, 111000 fen, key 50;
 *   sold M−1 as BASE; bought K1 4, K2 2, N1 2 → Σ 8; stock K3 5, K4 3; quota 8
 *   #1 4/4 = 1  #2 50/64 = 0.78125  #3 1  #4 on shelf {K1, K2, N1, K3, K4} = 5, selling 3 → 0.6
 *   #5 3  #6 (50 − 40)/40 = 0.25  #7 111000/64 = 1734.375  #8 359.375  #9 8/8 = 1
 *   #10 64/80 = 0.8 exactly (the class-2 boundary: not below 0.8)
 * TOP (R09): sold M K1 30/60000, K2 30/45000, K3 20/40000, N1 10/15000, N2 10/20000
 *   → Σ 100 packs, 180000 fen, key 80; sold M−1 as BASE; bought K1 3, K2 3, K3 2, N1 1, N2 1 → Σ 10;
 *   stock K4 2; quota 10
 *   #1 1  #2 0.8  #3 2  #4 on shelf 6, selling 5 → 0.8333…  #5 5  #6 (80 − 40)/40 = 1
 *   #7 1800  #8 425  #9 1  #10 1
 *
 * Percentiles, 100 × (below + (equal − 1)/2) ÷ (n − 1), among the shops with a value:
 *   #1  n=10: 0.25 → 0;  0.75 (×6) → 100×(1+2.5)/9 = 38.89;  1 (×3) → 100×(7+1)/9 = 88.89
 *   #2  n=9 (R08 none): 0.5 (×5) → 100×2/8 = 25;  0.645 → 62.5;  0.78125 (×2) → 81.25;  0.8 → 100
 *   #3  n=10: 0 (×7) → 100×3/9 = 33.33;  1 (×2) → 100×7.5/9 = 83.33;  2 → 100
 *   #4  n=10: 0 → 0;  0.6 (×2) → 100×1.5/9 = 16.67;  0.75 (×6) → 100×5.5/9 = 61.11;  0.833 → 100
 *   #5  n=10: 0 → 0;  3 (×8) → 100×4.5/9 = 50;  5 → 100
 *   #6  n=9 (R03 none): −1 → 0;  0 (×5) → 100×3/8 = 37.5;  0.25 (×2) → 81.25;  1 → 100
 *   #7  n=9 (R08 none): 1375 (×5) → 25;  1483.87 → 62.5;  1734.375 (×2) → 81.25;  1800 → 100
 *   #8  n=8 (R03, R08 none): 0 (×4) → 100×1.5/7 = 21.43;  108.87 → 400/7 = 57.14;
 *       359.375 (×2) → 550/7 = 78.57;  425 → 100
 *   #9  n=10: 0 → 0;  0.8 (×5) → 100×3/9 = 33.33;  1 (×4) → 100×7.5/9 = 83.33
 *   #10 n=9 (R08 none): 0.62 → 0;  0.8 (×2) → 18.75;  1 (×6) → 100×5.5/8 = 68.75
 *
 * Scores, Σ weight × percentile (weights .15 .10 .05 .10 .10 .15 .10 .05 .10 .10), a missing value 0:
 *   BASE   5.8333 + 2.5 + 1.6667 + 6.1111 + 5 + 5.625 + 2.5 + 1.0714 + 3.3333 + 6.875 = 40.5159 → 40.52
 *   R03    BASE − 5.625 (#6) − 1.0714 (#8)                                          = 33.8194 → 33.82
 *   R07    5.8333 + 6.25 + 1.6667 + 6.1111 + 5 + 5.625 + 6.25 + 2.8571 + 8.3333 + 0  = 47.9266 → 47.93
 *   STRONG 13.3333 + 8.125 + 4.1667 + 1.6667 + 5 + 12.1875 + 8.125 + 3.9286 + 8.3333 + 1.875 = 66.7411 → 66.74
 *   TOP    13.3333 + 10 + 5 + 10 + 10 + 15 + 10 + 5 + 8.3333 + 6.875                 = 93.5417 → 93.54
 *   R08    0 + – + 1.6667 + 0 + 0 + 0 + – + – + 0 + –                                 =  1.6667 →  1.67
 * k = ⌈10/5⌉ = 2; scores high to low 93.54, 66.74, 66.74, 47.93, … → cut 66.74: R09, R05 and R10
 * (the tie at the cut is all in: three members for k = 2).
 *
 * Marketing rows and potentials, 100 × capacity × (5 − level)/4,
 * capacity = 0.4 × grade/30 + 0.3 × min(area/60, 1) + 0.3 × factor:
 *   R01 便利店 grade 15 (M−1 18) area 60 level 1: (0.2 + 0.3 + 0.3) × 1 → 80
 *   R02 烟酒店 grade 14 (M−1 12) area 30 level 3: (0.18667 + 0.15 + 0.27) × 0.5 → 30.333 → 30.33
 *   R03 食杂店 grade 11 (M−1 10) area 20 level 2: (0.14667 + 0.1 + 0.18) × 0.75 → 32
 *   R04 超市   grade 30 (no M−1 row) area 120 (capped at 60) level 4: 1.0 × 0.25 → 25
 *   R05 便利店 grade 20 (M−1 20) level 5 → 0;   new-retail score exactly 60 (not below)
 *   R06 食杂店 grade 11 (M−1 11) area 20 level 2 → 32;   new-retail score 59.5
 *   R07 食杂店 grade 5 (M−1 6) area 3 level 2: (0.06667 + 0.015 + 0.18) × 0.75 = 19.625 → half up 19.63
 *   R08 娱乐服务 grade 8 (M−1 8) level 5 → 0;   R09 超市 grade 25 (M−1 24) level 5 → 0
 *   R10 其他 grade 20 (M−1 20) level 5 → 0
 * k = 2; potentials high to low 80, 32, 32, 30.33, … → cut 32: R01, R03, R06.
 *
 * Classes:
 *   档位波动类 |Δgrade| ≥ 2: R01 (18→15, 3), R02 (12→14, exactly 2); not R03 (1), R04 (no M−1 row)
 *   新零售指导类: R06 (score 59.5 < 60), R07 (scan 0.62 < 0.8); not R05 (score exactly 60, scan
 *     exactly 0.8), not R08 (no scan rate, score 75)
 *   重点品规推介类: R05, R09, R10;   终端提升类: R01, R03, R06;   稳定类: R04, R08
 */

export const MONTH = '2026-10'
export const BEFORE = '2026-09'
export const CATALOGUE: CatalogueFlags = { key: new Set(['K1', 'K2', 'K3', 'K4']), new: new Set(['N1', 'N2']) }

const sold = (...rows: [string, number, number][]): SkuSold[] => rows.map(([skuCode, packs, salesFen]) => ({ skuCode, packs, salesFen }))
const bought = (...rows: [string, number][]): SkuCartons[] => rows.map(([skuCode, cartons]) => ({ skuCode, cartons }))
const stock = (...rows: [string, number][]): SkuPacks[] => rows.map(([skuCode, packs]) => ({ skuCode, packs }))

const BASE_SOLD = sold(['K1', 20, 40000], ['K2', 20, 30000], ['A', 40, 40000])
const BASE = { sold: BASE_SOLD, soldBefore: BASE_SOLD, bought: bought(['K1', 2], ['K2', 2], ['A', 4]), stock: stock(['K3', 5], ['N1', 0]) }
const STRONG = {
  sold: sold(['K1', 30, 60000], ['K2', 20, 30000], ['N1', 14, 21000]),
  soldBefore: BASE_SOLD,
  bought: bought(['K1', 4], ['K2', 2], ['N1', 2]),
  stock: stock(['K3', 5], ['K4', 3]),
}

const row = (grade: number, newRetailScore: number, terminalLevel: number, shopAreaM2: number, monthlyQuotaCartons = 10): MarketingFigures => ({
  grade,
  integrityScore: 90,
  monthlyQuotaCartons,
  newRetailScore,
  terminalLevel,
  shopAreaM2,
})
const before = (grade: number): MarketingFigures => row(grade, 70, 3, 40)

export const license = (n: number): string => `3506251000${String(n).padStart(2, '0')}`

export const COUNTY: RetailerMonth[] = [
  { licenseNo: license(1), businessType: '便利店', marketing: row(15, 80, 1, 60), marketingBefore: before(18), ...BASE },
  { licenseNo: license(2), businessType: '烟酒店', marketing: row(14, 70, 3, 30), marketingBefore: before(12), ...BASE },
  { licenseNo: license(3), businessType: '食杂店', marketing: row(11, 65, 2, 20), marketingBefore: before(10), ...BASE, soldBefore: [] },
  { licenseNo: license(4), businessType: '超市', marketing: row(30, 88, 4, 120), marketingBefore: null, ...BASE },
  { licenseNo: license(5), businessType: '便利店', marketing: row(20, 60, 5, 50, 8), marketingBefore: before(20), ...STRONG },
  { licenseNo: license(6), businessType: '食杂店', marketing: row(11, 59.5, 2, 20), marketingBefore: before(11), ...BASE },
  {
    licenseNo: license(7),
    businessType: '食杂店',
    marketing: row(5, 70, 2, 3),
    marketingBefore: before(6),
    sold: sold(['K1', 20, 40000], ['K2', 20, 30000], ['A', 22, 22000]),
    soldBefore: BASE_SOLD,
    bought: bought(['K1', 2], ['K2', 2], ['A', 6]),
    stock: stock(['K3', 5]),
  },
  { licenseNo: license(8), businessType: '娱乐服务', marketing: row(8, 75, 5, 100), marketingBefore: before(8), sold: [], soldBefore: BASE_SOLD, bought: [], stock: stock(['K1', 10], ['A', 10]) },
  {
    licenseNo: license(9),
    businessType: '超市',
    marketing: row(25, 95, 5, 80),
    marketingBefore: before(24),
    sold: sold(['K1', 30, 60000], ['K2', 30, 45000], ['K3', 20, 40000], ['N1', 10, 15000], ['N2', 10, 20000]),
    soldBefore: BASE_SOLD,
    bought: bought(['K1', 3], ['K2', 3], ['K3', 2], ['N1', 1], ['N2', 1]),
    stock: stock(['K4', 2]),
  },
  { licenseNo: license(10), businessType: '其他', marketing: row(20, 90, 5, 40, 8), marketingBefore: before(20), ...STRONG },
]

const BASE_VALUES = [0.75, 0.5, 0, 0.75, 3, 0, 1375, 0, 0.8, 1]
const STRONG_VALUES = [1, 0.78125, 1, 0.6, 3, 0.25, 1734.375, 359.375, 1, 0.8]

/** The indicators worked above, by shop (null: no value). */
export const EXPECTED_VALUES: (number | null)[][] = [
  BASE_VALUES,
  BASE_VALUES,
  [0.75, 0.5, 0, 0.75, 3, null, 1375, null, 0.8, 1],
  BASE_VALUES,
  STRONG_VALUES,
  BASE_VALUES,
  [0.75, 40 / 62, 0, 0.75, 3, 0, 92000 / 62, 92000 / 62 - 1375, 1, 0.62],
  [0.25, null, 0, 0, 0, -1, null, null, 0, null],
  [1, 0.8, 2, 5 / 6, 5, 1, 1800, 425, 1, 1],
  STRONG_VALUES,
]

const BASE_PCT = [350 / 9, 25, 100 / 3, 550 / 9, 50, 37.5, 25, 150 / 7, 100 / 3, 68.75]
const STRONG_PCT = [800 / 9, 81.25, 750 / 9, 150 / 9, 50, 81.25, 81.25, 550 / 7, 750 / 9, 18.75]
export const EXPECTED_PERCENTILES: (number | null)[][] = [
  BASE_PCT,
  BASE_PCT,
  [350 / 9, 25, 100 / 3, 550 / 9, 50, null, 25, null, 100 / 3, 68.75],
  BASE_PCT,
  STRONG_PCT,
  BASE_PCT,
  [350 / 9, 62.5, 100 / 3, 550 / 9, 50, 37.5, 62.5, 400 / 7, 750 / 9, 0],
  [0, null, 100 / 3, 0, 0, 0, null, null, 0, null],
  [800 / 9, 100, 100, 100, 100, 100, 100, 100, 750 / 9, 68.75],
  STRONG_PCT,
]

export const EXPECTED_SCORES = [40.52, 40.52, 33.82, 40.52, 66.74, 40.52, 47.93, 1.67, 93.54, 66.74]
export const EXPECTED_POTENTIALS = [80, 30.33, 32, 25, 0, 32, 19.63, 0, 0, 0]
export const EXPECTED_CLASSES = [
  ['gradeFluctuation', 'terminal'],
  ['gradeFluctuation'],
  ['terminal'],
  ['stable'],
  ['keySku'],
  ['newRetail', 'terminal'],
  ['newRetail'],
  ['stable'],
  ['keySku'],
  ['keySku'],
]
