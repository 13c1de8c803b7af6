import { attempt } from './context.mjs'
import { measureLatency } from './latency.mjs'

const CONNECTIONS = 50
const CALLER = { 'content-type': 'application/json', 'x-dev-openid': 'demo-retailer-1' }

/**
 * Issue 4: the operating summary (经营) of demo-retailer-1 for this month, against the no-op `ping`
 * on the local host over the seeded demo county, 50 connections, each checked first (a failing
 * call answers HTTP 200 with ok:false and must not pass for a fast one), warmed up, then measured.
 * Use: `import { summaryLatencyBench } from './lib/summaryLatency.mjs'` and add it to BENCHES.
 */
export const summaryLatencyBench = {
  id: 'summary-latency',
  run: async (ctx) => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const measure = (name, body) =>
      attempt(async () => {
        const host = await ctx.host()
        const reply = await (await fetch(`${host.url}/fn/${name}`, { method: 'POST', headers: CALLER, body })).json()
        if (reply?.ok !== true) throw new Error(`${name} answered ${JSON.stringify(reply).slice(0, 200)}`)
        const load = (seconds) => measureLatency({ url: `${host.url}/fn/${name}`, headers: CALLER, body, connections: CONNECTIONS, seconds })
        await load(Math.min(2, ctx.seconds))
        return load(ctx.seconds)
      })
    const noop = await measure('ping', '{}')
    const summary = await measure('summary', JSON.stringify({ period: 'month', date: today }))
    const describe = (name, side) =>
      side.error ? `${name}: ${side.error}` : `${name}: p50 ${side.value.p50.toFixed(3)} ms, p99 ${side.value.p99.toFixed(3)} ms, ${side.value.requests} requests (${side.value.perSecond.toFixed(0)}/s), errors ${side.value.errors}, non-2xx ${side.value.non2xx}`
    const raw = [`${CONNECTIONS} connections, ${ctx.seconds} s each after a warm-up; summary of demo-retailer-1, month of ${today}`, describe('summary', summary), describe('ping', noop)]
    const row = (p, goal) => ({
      what: `summary function ${p} latency`,
      unit: 'ms',
      ours: summary.value?.[p],
      baseline: noop.value?.[p],
      baselineName: 'no-op ping',
      ...(goal ? { goal: { atMost: goal } } : {}),
      error: summary.error ?? noop.error,
      raw,
    })
    return [row('p50'), row('p99', 3)]
  },
}
