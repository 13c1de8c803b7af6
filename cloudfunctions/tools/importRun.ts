import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { request } from 'node:http'
import { SqliteStore } from '../adapters/sqlite/store'
import { nodeImportIo } from '../adapters/node/importIo'
import { rejectedPathFor } from '../adapters/node/files'
import { dropGrant, grantImport } from '../adapters/node/importGrants'
import { FolderLock, ownerInWords, readOwner, tryLock, type LockOwner } from '../adapters/node/folderLock'
import { alive } from '../adapters/sqlite/holders'
import { importFile } from '../core/imports/run'
import type { Progress } from '../core/imports/check'
import type { HandOff, HandOffMessage } from '../core/imports/handOff'
import type { ImportReport } from '../contracts/insights'

export const USAGE = `用法：npm run import -- <${IMPORT_KINDS.join('|')}> <文件.csv> [--skip-invalid]`

/** Thrown when nothing answers on the host's port (yet): it may be starting, or just stopped. */
class NoAnswer extends Error {}

/**
 * Hands the file to the local host on `port` and follows its NDJSON answer: the host imports the
 * file the grant names (adapters/node/importGrants.ts). Answers the report.
 */
export const handOff = (port: number, kind: ImportKind, body: HandOff, onProgress: (p: Progress) => void): Promise<ImportReport> =>
  new Promise((done, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: 'POST', path: `/dev/import/${kind}`, headers: { 'content-type': 'application/json' } }, (res) => {
      let buffer = ''
      let report: ImportReport | null = null
      let failure: string | null = null
      const read = (line: string) => {
        if (line.trim() === '') return
        try {
          const message = JSON.parse(line) as HandOffMessage & { error?: { message?: string } }
          if (message.progress) onProgress(message.progress)
          if (message.report) report = message.report
          if (message.error) failure = typeof message.error === 'string' ? message.error : String(message.error.message)
        } catch {
          failure = `本地服务的回答无法读取（HTTP ${res.statusCode}）`
        }
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const lines = (buffer + chunk).split('\n')
        buffer = lines.pop() ?? ''
        lines.forEach(read)
      })
      res.on('end', () => {
        read(buffer)
        if (report) done(report)
        else reject(new Error(failure ?? `本地服务回答 HTTP ${res.statusCode}`))
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ? new NoAnswer() : error))
    req.end(JSON.stringify(body))
  })

export interface ImportRun {
  /** 0: imported; 1: bad rows, nothing imported; 2: could not run. */
  code: number
  report?: ImportReport
  /** Where the work happened: the host on `port`, or this process over the store. */
  via?: 'host' | 'store'
  port?: number
  message?: string
}

export interface ImportEnv {
  cwd: string
  dataDir: string
  /** How long to wait for another import on the folder, or for its host to answer (ms). */
  waitMs?: number
}

const DEFAULT_WAIT_MS = 5_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A host holds the folder: it was started with a port. This process's own host counts (tests run one in-process). */
const hostOf = (owner: LockOwner | null): (LockOwner & { port: number }) | null =>
  owner && owner.port !== null && alive(owner.pid) ? (owner as LockOwner & { port: number }) : null

/**
 * `npm run import -- <kind> <file> [--skip-invalid]` over DATA_DIR, with one writer per data
 * folder (adapters/node/folderLock.ts): when a local host holds the folder the file is handed to
 * it, on the port its lock names whatever PORT says, so the app sees the data at once; otherwise
 * this process takes the folder and imports itself. Another import holding it is waited for, then
 * named.
 */
export const runImport = async (args: readonly string[], env: ImportEnv, onProgress: (p: Progress) => void = () => undefined): Promise<ImportRun> => {
  const skipInvalid = args.includes('--skip-invalid')
  const [kind, file, ...extra] = args.filter((arg) => arg !== '--skip-invalid')
  if (!kind || !file || extra.length > 0 || !(IMPORT_KINDS as readonly string[]).includes(kind)) return { code: 2, message: USAGE }
  const path = resolve(env.cwd, file)
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return { code: 2, message: `找不到文件 ${path}` }
  const done = (report: ImportReport, via: ImportRun['via'], port?: number): ImportRun => ({ code: report.applied ? 0 : 1, report, via, ...(port ? { port } : {}) })
  const waitMs = env.waitMs ?? DEFAULT_WAIT_MS
  const deadline = Date.now() + waitMs
  const busy = (owner: LockOwner) => ({
    code: 2,
    message: `数据目录 ${env.dataDir} 正在由${ownerInWords(owner)}使用，等了 ${Math.round(waitMs / 1000)} 秒仍未结束。${owner.port === null ? '请等它做完再试。' : '它没有回答导入请求，请确认它在运行，或停止它后再试。'}`,
  })

  for (;;) {
    const host = hostOf(readOwner(env.dataDir))
    if (host) {
      const grant = grantImport(env.dataDir, { path, skipInvalid })
      try {
        return done(await handOff(host.port, kind as ImportKind, { grant }, onProgress), 'host', host.port)
      } catch (error) {
        if (!(error instanceof NoAnswer)) return { code: 2, message: `本地服务没能导入：${(error as Error).message}` }
        if (Date.now() >= deadline) return busy(host)
        await sleep(100)
        continue
      } finally {
        dropGrant(env.dataDir, grant)
      }
    }
    const lock = await tryLock(env.dataDir, { port: null, who: `导入 ${basename(path)}` })
    if (lock instanceof FolderLock) {
      try {
        return done(await importHere(env.dataDir, kind as ImportKind, path, skipInvalid, onProgress), 'store')
      } finally {
        lock.release()
      }
    }
    if (lock.port !== null) continue // a host took it just now: hand it the file
    if (Date.now() >= deadline) return busy(lock)
    await sleep(100)
  }
}

const importHere = async (dataDir: string, kind: ImportKind, path: string, skipInvalid: boolean, onProgress: (p: Progress) => void): Promise<ImportReport> => {
  const store = await new SqliteStore(dataDir).open()
  try {
    return await importFile({
      store,
      kind,
      file: basename(path),
      skipInvalid,
      ...nodeImportIo(createReadStream(path, { highWaterMark: 1 << 20 }), { rejectedPath: rejectedPathFor(path) }),
      now: new Date(),
      onProgress,
    })
  } finally {
    store.close()
  }
}
