import { attempt } from '../lib/context.mjs'
import { mainPackage } from '../lib/sizes.mjs'
import { format } from '../lib/table.mjs'

/** The subpackage that carries the charts (our View-based chart components) and the suggested order. */
const CHARTS_ROOT = 'packages/insights'
/** 学习's player, model stores and AR探店 web-view. */
const LEARN_ROOT = 'packages/learn'
/**
 * The weapp main package just before 学习's pages (commit 5ebcf67, built on this machine): the 学习 tab
 * grew from its 即将上线 placeholder, and the issue's goal is that it adds at most 10 KB to the main package.
 */
const MAIN_BEFORE_LEARN = 351_933
const LEARN_GROWTH_GOAL = 10 * 1024

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
      {
        what: `学习 subpackage (${LEARN_ROOT}: course player, model stores, AR探店)`,
        unit: 'bytes',
        ours: ours.value?.bytesByRoot[LEARN_ROOT],
        error: ours.error ?? (ours.value && ours.value.bytesByRoot[LEARN_ROOT] === undefined ? `no subpackage ${LEARN_ROOT} in app.json` : undefined),
      },
      {
        what: `main package growth since 学习 (from ${(MAIN_BEFORE_LEARN / 1024).toFixed(1)} KB at 5ebcf67)`,
        unit: 'bytes',
        ours: ours.value ? ours.value.bytes - MAIN_BEFORE_LEARN : undefined,
        goal: { atMost: LEARN_GROWTH_GOAL },
        error: ours.error,
      },
    ]
  },
}
