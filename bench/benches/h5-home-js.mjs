import { attempt } from '../lib/context.mjs'
import { scriptBytes } from '../lib/browser.mjs'

const HOME_AS = '/?as=demo-retailer-1'

/**
 * Issue 2: the JavaScript the H5 home page loads, signed in as a demo retailer, against the blank
 * app's page, both loaded by a real Chromium with an empty cache from the local host (one
 * instance per app, so both are compressed alike). Reported as sent over the wire and as parsed.
 */
export default {
  id: 'h5',
  run: async (ctx) => {
    const blank = await attempt(async () => {
      const host = await ctx.host((await ctx.blank('h5')).dir)
      try {
        return await scriptBytes(`${host.url}/`)
      } finally {
        await host.stop() // idle, but not left beside the latency run
      }
    })
    const ours = await attempt(async () => {
      await ctx.app('h5')
      const host = await ctx.host()
      return scriptBytes(`${host.url}${HOME_AS}`)
    })
    const describe = (name, side) =>
      side.error
        ? `${name}: ${side.error}`
        : `${name} (${side.value.landedOn}): decoded ${side.value.decoded} B, transfer ${side.value.transfer} B, ${side.value.scripts.length} scripts: ${side.value.scripts.map((s) => `${s.path} ${s.transfer}/${s.decoded} B`).join(', ')}`
    const row = (measure, what, raw) => ({
      what,
      unit: 'bytes',
      ours: ours.value?.[measure],
      baseline: blank.value?.[measure],
      baselineName: 'blank Taro app',
      error: ours.error ?? blank.error,
      raw,
    })
    return [
      row('transfer', 'H5 home page JavaScript, transferred', [describe('ShopMate', ours), describe('blank', blank)]),
      row('decoded', 'H5 home page JavaScript, decoded'),
    ]
  },
}
