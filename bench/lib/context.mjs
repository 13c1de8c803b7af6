import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Procs } from './procs.mjs'
import { buildTaro, linkRootModules, rootBrowserslist } from './taro.mjs'
import { startHost } from './host.mjs'

/** Where each build lands (ShopMate's config/index.ts; the fixture's config/index.ts). */
const APP_OUTPUT = { weapp: 'dist', h5: 'dist-h5' }
const FINISHED = { weapp: 'app.json', h5: 'index.html' }

/**
 * What the benches share in one run: each build happens at most once and strictly one after
 * another (2 cores), the host starts once, and everything started is stopped by `close()`.
 * With BENCH_REUSE=1 an existing build is measured as it is (quick trials only).
 */
export const createContext = ({ root, seconds, reuse }) => {
  const procs = new Procs()
  // One log per build and for the host, kept after the run (*.log is gitignored) for a failed step.
  const logDir = join(root, 'bench/.logs')
  rmSync(logDir, { recursive: true, force: true })
  mkdirSync(logDir, { recursive: true })
  const fixture = join(root, 'bench/fixtures/blank-taro')
  const memo = new Map()
  const closers = []
  let queue = Promise.resolve()

  const once = (key, make) => {
    if (!memo.has(key)) memo.set(key, make())
    return memo.get(key)
  }
  const sequential = (step) => {
    const result = queue.then(step)
    queue = result.catch(() => undefined)
    return result
  }
  const build = (label, appDir, outDir, type, env) =>
    once(label, () =>
      sequential(async () => {
        const started = Date.now()
        if (reuse && existsSync(join(outDir, FINISHED[type]))) return { dir: outDir, ms: 0, reused: true }
        await buildTaro(procs, { root, appDir, type, env, log: join(logDir, `${label}.log`) })
        if (!existsSync(join(outDir, FINISHED[type]))) throw new Error(`the ${type} build wrote no ${FINISHED[type]} in ${outDir}`)
        return { dir: outDir, ms: Date.now() - started, reused: false }
      }),
    )

  return {
    root,
    seconds,
    logDir,
    /** ShopMate's own production build. */
    app: (type) => build(`shopmate-${type}`, root, join(root, APP_OUTPUT[type]), type, {}),
    /** The blank Taro app, compiled for ShopMate's browser targets. */
    blank: (type) => {
      if (!memo.has('link')) memo.set('link', linkRootModules(root, fixture))
      return build(`blank-${type}`, fixture, join(fixture, 'dist', type), type, { BROWSERSLIST: rootBrowserslist(root) })
    },
    /**
     * The local host over a freshly seeded county, serving an H5 build (ShopMate's unless told
     * otherwise): one instance per build, so both apps' files go out the same way (compressed once,
     * brotli or gzip as the browser accepts).
     */
    host: (staticDir = join(root, APP_OUTPUT.h5)) =>
      once(`host:${staticDir}`, () =>
        sequential(async () => {
          const name = staticDir === join(root, APP_OUTPUT.h5) ? 'host' : 'host-blank'
          const host = await startHost(procs, { root, staticDir, log: join(logDir, `${name}.log`) })
          closers.push(host.stop)
          return host
        }),
      ),
    close: async () => {
      for (const close of closers.reverse()) await close().catch(() => undefined)
      await procs.stopAll()
      memo.get('link')?.()
    },
    killNow: () => {
      procs.killAllNow()
      memo.get('link')?.()
    },
  }
}

/** Awaits a step and keeps its failure as a value, so one broken side still reports the other. */
export const attempt = async (step) => {
  try {
    return { value: await step() }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
