/**
 * Numbers as a shopkeeper says them, the one way the app, the messages and the tools write them.
 * Separators are written by hand: toLocaleString depends on the phone's ICU data.
 */

/** 1234567 → "1,234,567" (a whole, non-negative number). */
const groupThousands = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * Money as a shopkeeper says it. It arrives as integer fen and leaves as yuan: small sums keep
 * their jiao (¥68.5), everyday sums are whole yuan (¥5,778), and from ten thousand on they are
 * counted in 万 with one decimal (¥1.2万), which is how the trade talks about turnover.
 */
export const formatFen = (fen: number): string => {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  if (Math.round(abs / 100) >= 10_000) {
    // Tenths of 万 (100,000 fen each), rounded once, so ¥9,999.50 reads ¥1万 and never ¥10.0万.
    const tenths = Math.round(abs / 100_000)
    const decimal = tenths % 10
    return `${sign}¥${Math.floor(tenths / 10)}${decimal ? `.${decimal}` : ''}万`
  }
  if (abs < 10_000) return `${sign}¥${(abs / 100).toFixed(2).replace(/\.?0+$/, '')}`
  return `${sign}¥${groupThousands(Math.round(abs / 100))}`
}


/** A whole count with separators: 1,234. */
export const formatCount = (n: number): string => `${n < 0 ? '-' : ''}${groupThousands(Math.abs(Math.round(n)))}`

/** One decimal, dropped when it is zero: 10.4, 7, 0.7. */
export const formatOneDecimal = (n: number): string => {
  const rounded = Math.round(n * 10) / 10
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** A fraction as a whole percentage: 0.888 → "89%". */
export const formatShare = (fraction: number): string => `${Math.round(fraction * 100)}%`

/** A fraction as a percentage with one decimal, for margins that differ by tenths: 0.1208 → "12.1%". */
export const formatShareFine = (fraction: number): string => `${formatOneDecimal(fraction * 100)}%`

/** The words for a change against a base period ("上月", "去年同期"). */
export const describeChange = (base: string, change: number | null): string => {
  // A null change means the base period sold nothing: there is nothing to compare with.
  if (change === null) return `${base}无可比数据`
  const percent = Math.round(change * 100)
  if (percent === 0) return `与${base}持平`
  return `比${base} ${percent > 0 ? '+' : ''}${percent}%`
}

/** Which way a change went, for styling; the words above already say it without colour. */
export const changeDirection = (change: number | null): 'up' | 'down' | 'flat' => {
  const percent = change === null ? 0 : Math.round(change * 100)
  return percent > 0 ? 'up' : percent < 0 ? 'down' : 'flat'
}
