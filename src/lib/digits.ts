/**
 * Thousands separators written by hand: toLocaleString depends on the phone's ICU data.
 * 1234567 → "1,234,567" (a whole, non-negative number).
 */
export const groupThousands = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
