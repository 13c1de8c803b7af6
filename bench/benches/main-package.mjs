import { attempt } from '../lib/context.mjs'
import { mainPackage } from '../lib/sizes.mjs'
import { format } from '../lib/table.mjs'

/** The subpackage that carries the charts (our View-based chart components) and the suggested order. */
const CHARTS_ROOT = 'packages/insights'

/**
 * Issue 2: the weapp main package against a blank Taro 4 React app built in the same run.
 * Issue 4: the size of the charts, which load from a subpackage so the main package never carries them.
 */
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
        : `${name} (${side.value.built}): ${side.value.bytes} B in ${side.value.files} files; subpackages ${format(side.value.subpackageBytes, 'bytes')} [${side.value.roots.map((root) => `${root} ${format(side.value.bytesByRoot[root], 'bytes')}`).join(', ')}]; not uploaded ${side.value.skippedBytes} B; largest ${side.value.largest.map((f) => `${f.file} ${f.bytes} B`).join(', ')}`
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
      {
        what: `charts subpackage (${CHARTS_ROOT}: charts, suggested order)`,
        unit: 'bytes',
        ours: ours.value?.bytesByRoot[CHARTS_ROOT],
        error: ours.error ?? (ours.value && ours.value.bytesByRoot[CHARTS_ROOT] === undefined ? `no subpackage ${CHARTS_ROOT} in app.json` : undefined),
      },
    ]
  },
}
