/**
 * A bench row: what was measured, ShopMate's figure (`ours`), the baseline's and its name, and a
 * goal `{ atMost }` or `{ atLeast }`. With a baseline the goal bounds the ratio ours ÷ baseline;
 * without one (an absolute limit such as peak memory) it bounds `ours` itself. Rows without a goal
 * are reported, not judged. A row whose measurement failed carries `error` and whatever side did
 * get measured; `raw` lines go under the table.
 */
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value)

const hasBaseline = (row) => row.baselineName !== undefined

export const ratioOf = (row) => (isNumber(row.ours) && isNumber(row.baseline) && row.baseline > 0 ? row.ours / row.baseline : undefined)

export const verdict = (row) => {
  if (!row.goal) return '—'
  const judged = hasBaseline(row) ? ratioOf(row) : row.ours
  if (!isNumber(judged)) return '✗'
  const { atMost = Infinity, atLeast = -Infinity } = row.goal
  // A goal that bounds nothing (say `goal: 1.5`) would pass whatever was measured.
  if (atMost === Infinity && atLeast === -Infinity) throw new Error(`${row.what}: a goal needs atMost or atLeast, got ${JSON.stringify(row.goal)}`)
  return judged <= atMost && judged >= atLeast ? '✓' : '✗'
}

export const format = (value, unit) => {
  if (!isNumber(value)) return 'n/a'
  if (unit === 'bytes') return value >= 10 * 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${(value / 1024).toFixed(1)} KB`
  if (unit === 'ms') return `${value.toFixed(2)} ms`
  if (unit === '/s') return `${Math.round(value).toLocaleString('en-US')}/s`
  return `${value} ${unit}`
}

const formatGoal = (row) => {
  if (!row.goal) return '—'
  const shown = (bound) => (hasBaseline(row) ? `${bound}×` : format(bound, row.unit))
  const parts = []
  if (row.goal.atLeast !== undefined) parts.push(`≥ ${shown(row.goal.atLeast)}`)
  if (row.goal.atMost !== undefined) parts.push(`≤ ${shown(row.goal.atMost)}`)
  return parts.join(', ')
}

export const renderTable = (rows) => {
  const lines = ['| What | ShopMate | Baseline | Ratio | Goal | |', '|---|---:|---:|---:|---:|:-:|']
  for (const row of rows) {
    const ratio = ratioOf(row)
    const cells = [
      row.error ? `${row.what} (not measured: see raw)` : row.what,
      format(row.ours, row.unit),
      hasBaseline(row) ? `${format(row.baseline, row.unit)} (${row.baselineName})` : '—',
      ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
      formatGoal(row),
      verdict(row),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

export const renderRaw = (rows) => {
  const told = new Set()
  const shown = new Set()
  return rows
    .map((row) => {
      // Rows of one measurement (p50 and p99, say) share their raw lines: shown once, under the first.
      const lines = row.raw && !shown.has(row.raw) ? [...row.raw] : []
      if (row.raw) shown.add(row.raw)
      // Raw lines usually say what failed already, and rows of one bench share one failure.
      if (row.error && !told.has(row.error) && !lines.some((line) => line.includes(row.error))) lines.unshift(`FAILED: ${row.error}`)
      told.add(row.error)
      return { row, lines }
    })
    .filter(({ lines }) => lines.length > 0)
    .map(({ row, lines }) => [`- **${row.what}**`, ...lines.map((line) => `  ${line.split('\n').join('\n    ')}`)].join('\n'))
    .join('\n')
}
