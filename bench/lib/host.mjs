import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tail } from './procs.mjs'

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
 * The local host as `npm start` runs it, on a free port over a fresh data dir (it seeds the demo
 * county on first start), serving `staticDir`. Resolves once GET /fn answers.
 */
export const startHost = async (procs, { root, staticDir, log }) => {
  await procs.run('npm', ['run', '--silent', 'build:host'], { cwd: root, log })
  const dataDir = mkdtempSync(join(tmpdir(), 'shopmate-bench-data-'))
  const port = await freePort()
  const child = procs.start(process.execPath, [join(root, '.build/host.cjs')], {
    cwd: root,
    log,
    env: { PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir },
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    await procs.stop(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  const started = Date.now()
  try {
    while (!(await answers(`${url}/fn`))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the local host exited\n${tail(log)}`)
      if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the local host did not answer in ${READY_TIMEOUT_MS / 1000} s\n${tail(log)}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { url, dataDir, readyMs: Date.now() - started, stop }
}

const answers = async (url) => {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}
