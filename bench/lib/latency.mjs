import autocannon from 'autocannon'

/**
 * Latency of one POST endpoint under `connections` concurrent connections for `seconds`.
 * autocannon's own percentiles are whole milliseconds, too coarse for sub-millisecond work on a
 * local host, so every 2xx response time is kept (as autocannon measures it, hrtime per request)
 * and the percentiles are computed exactly; autocannon's figures are kept for the raw report.
 */
export const measureLatency = async ({ url, headers, body, connections, seconds }) => {
  const times = []
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration: seconds })
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms)
  })
  const result = await instance
  times.sort((a, b) => a - b)
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requests: result.requests.total,
    perSecond: result.requests.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    autocannon: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  }
}

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted, p) => {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}
