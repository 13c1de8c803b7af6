import { attempt } from '../lib/context.mjs'
import { mainPackage } from '../lib/sizes.mjs'
import { format } from '../lib/table.mjs'

/** The subpackage that carries the charts (our View-based chart components) and the suggested order. */
const CHARTS_ROOT = 'packages/insights'
/** 学习's player, model stores and AR探店 web-view. */
const LEARN_ROOT = 'packages/learn'
/** 学习's tab page, the part of 学习 that must live in the main package. */
const LEARN_TAB = 'pages/learn/'
/**
 * Issue 11's goal was that 学习 adds at most 10 KB to the main package. Measured once by building
 * both sides of its merge here (2026-12-02): 372,246 B at 60b8fe8, 380,595 B at ce07a2e, +8,349 B.
 * A live "growth since" row against a fixed size counted every later tab's growth as 学习's, so
 * the bench shows the tab page itself instead.
 */
const LEARN_MERGE_GROWTH = 380_595 - 372_246

/**
 * Issue 2: the weapp main package against a blank Taro 4 React app built in the same run.
 * Issue 4: the size of the charts, which load from a subpackage so the main package never carries them.
 */
export default {
  id: 'size',
  run: async (ctx) => {
    const measure = async (build) => {
      const { dir, ms, reused } = await build
      return { ...mainPackage(dir, [LEARN_TAB]), built: reused ? 'reused build' : `built in ${(ms / 1000).toFixed(1)} s` }
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
      {
        what: `学习 subpackage (${LEARN_ROOT}: course player, model stores, AR探店)`,
        unit: 'bytes',
        ours: ours.value?.bytesByRoot[LEARN_ROOT],
        error: ours.error ?? (ours.value && ours.value.bytesByRoot[LEARN_ROOT] === undefined ? `no subpackage ${LEARN_ROOT} in app.json` : undefined),
      },
      {
        what: `学习 tab page in the main package (${LEARN_TAB}*; the 学习 merge added ${(LEARN_MERGE_GROWTH / 1024).toFixed(1)} KB in all)`,
        unit: 'bytes',
        ours: ours.value?.byPrefix?.[LEARN_TAB],
        error: ours.error,
      },
    ]
  },
}
