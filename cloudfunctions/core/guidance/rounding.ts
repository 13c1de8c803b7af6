/**
 * Scores and potentials are rounded half up to 2 decimals, and a value within 1e-9 below a half
 * rounds up (guidance.md §3 "Precisely"): 0.15 × 100 is 15.000000000000002 and 1.005 is stored as
 * 1.00499999999999989…, so the sums and products of the rules land a hair off the half they mean.
 * The result is the double nearest to k / 100, which the cut then compares exactly.
 */
export const HALF_SLACK = 1e-9

export const round2 = (x: number): number => Math.floor((x + HALF_SLACK) * 100 + 0.5) / 100
