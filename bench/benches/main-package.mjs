import { attempt } from '../lib/context.mjs'
import { mainPackage } from '../lib/sizes.mjs'
import { format } from '../lib/table.mjs'

/** Issue 2: the weapp main package against a blank Taro 4 React app built in the same run. */
export default {
  id: 'size',
  run: async (ctx) => {
    const measure = async (build) => {
      const { dir, ms, reused } = await build
      return { ...mainPackage(dir), built: reused ? 'reused build' : `built in ${(ms / 1000).toFixed(1)} s` }
    }
    const blank = await attempt(() => measure(ctx.blank('weapp')))
    const ours = await attempt(() => measure(ctx.app('weapp')))
    const describe = (name, side) =>
      side.error
        ? `${name}: ${side.error}`
        : `${name} (${side.value.built}): ${side.value.bytes} B in ${side.value.files} files; subpackages [${side.value.roots.join(', ')}] ${format(side.value.subpackageBytes, 'bytes')}; not uploaded ${side.value.skippedBytes} B; largest ${side.value.largest.map((f) => `${f.file} ${f.bytes} B`).join(', ')}`
    return [
      {
        what: 'weapp main package',
        unit: 'bytes',
        ours: ours.value?.bytes,
        baseline: blank.value?.bytes,
        baselineName: 'blank Taro app',
        goal: { atMost: 1.75 },
        error: ours.error ?? blank.error,
        raw: [describe('ShopMate', ours), describe('blank', blank)],
      },
    ]
  },
}
