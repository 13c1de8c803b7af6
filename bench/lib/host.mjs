import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answers, tail } from './procs.mjs'

const READY_TIMEOUT_MS = 180_000

export const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

/**
 * The built local host over `dataDir`, serving `staticDir`, on a free port. Resolves once GET /fn
 * answers (polled every `pollMs`), with the time that took.
 */
export const hostOver = async (procs, { root, dataDir, staticDir = join(root, 'dist-h5'), log, pollMs = 20 }) => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = procs.start(process.execPath, [join(root, '.build/host.cjs')], { cwd: root, log, env: { PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir } })
  while (!(await answers(`${url}/fn`))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the local host exited\n${tail(log)}`)
    if (performance.now() - started > READY_TIMEOUT_MS) {
      await procs.stop(child)
      throw new Error(`the local host did not answer in ${READY_TIMEOUT_MS / 1000} s\n${tail(log)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  return { child, url, readyMs: performance.now() - started }
}

/**
 * The local host as `npm start` runs it, over a fresh data dir (it seeds the demo county on first
 * start), serving `staticDir`.
 */
export const startHost = async (procs, { root, staticDir, log }) => {
  await procs.run('npm', ['run', '--silent', 'build:host'], { cwd: root, log })
  const dataDir = mkdtempSync(join(tmpdir(), 'shopmate-bench-data-'))
  try {
    const { child, url, readyMs } = await hostOver(procs, { root, dataDir, staticDir, log, pollMs: 250 })
    const stop = async () => {
      await procs.stop(child)
      rmSync(dataDir, { recursive: true, force: true })
    }
    return { url, dataDir, readyMs, stop }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
