import { attempt } from '../lib/context.mjs'
import { measureLatency } from '../lib/latency.mjs'

const CONNECTIONS = 50
const CALLER = { 'content-type': 'application/json', 'x-dev-openid': 'demo-retailer-1' }

/**
 * Issue 2: the home page's function against the no-op `ping` on the local host, same caller,
 * same empty event, 50 connections. Each is called once first so a failing call (which the host
 * answers with HTTP 200 and ok:false) cannot pass for a fast one, then warmed up, then measured.
 */
export default {
  id: 'latency',
  run: async (ctx) => {
    const load = (host, name, seconds) => measureLatency({ url: `${host.url}/fn/${name}`, headers: CALLER, body: '{}', connections: CONNECTIONS, seconds })
    const measure = (name) =>
      attempt(async () => {
        const host = await ctx.host()
        const reply = await (await fetch(`${host.url}/fn/${name}`, { method: 'POST', headers: CALLER, body: '{}' })).json()
        if (reply?.ok !== true) throw new Error(`${name} answered ${JSON.stringify(reply).slice(0, 200)}`)
        await load(host, name, Math.min(2, ctx.seconds))
        return load(host, name, ctx.seconds)
      })
    const noop = await measure('ping')
    const home = await measure('home')
    const describe = (name, side) =>
      side.error
        ? `${name}: ${side.error}`
        : `${name}: p50 ${side.value.p50.toFixed(3)} ms, p99 ${side.value.p99.toFixed(3)} ms, ${side.value.requests} requests (${side.value.perSecond.toFixed(0)}/s), errors ${side.value.errors}, timeouts ${side.value.timeouts}, non-2xx ${side.value.non2xx}; autocannon (whole ms) p50 ${side.value.autocannon.p50}, p99 ${side.value.autocannon.p99}, max ${side.value.autocannon.max}`
    const raw = [`${CONNECTIONS} connections, ${ctx.seconds} s each after a ${Math.min(2, ctx.seconds)} s warm-up`, describe('home', home), describe('ping', noop)]
    const row = (p, goal, raw) => ({
      what: `home function ${p} latency`,
      unit: 'ms',
      ours: home.value?.[p],
      baseline: noop.value?.[p],
      baselineName: 'no-op ping',
      goal,
      error: home.error ?? noop.error,
      raw,
    })
    return [row('p50', undefined, raw), row('p99', { atMost: 3 })]
  },
}
