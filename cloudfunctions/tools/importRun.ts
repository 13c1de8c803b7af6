import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { request } from 'node:http'
import { SqliteStore } from '../adapters/sqlite/store'
import { nodeImportIo } from '../adapters/node/importIo'
import { rejectedPathFor } from '../adapters/node/files'
import { folderCatalogueMedia } from '../adapters/node/catalogueMedia'
import { importFile } from '../core/imports/run'
import type { Progress } from '../core/imports/check'
import type { HandOff, HandOffMessage } from '../core/imports/handOff'
import type { ImportReport } from '../contracts/insights'

export const USAGE = `用法：npm run import -- <${IMPORT_KINDS.join('|')}> <文件.csv> [--skip-invalid]`

/** Thrown when nothing listens on the port: the importer then writes the store itself. */
export class NoHost extends Error {}

/**
 * Hands the file to a local host on `port` and follows its NDJSON answer. Answers the report,
 * or throws NoHost when no host is running there.
 */
export const handOff = (port: number, kind: ImportKind, body: HandOff, onProgress: (p: Progress) => void): Promise<ImportReport> =>
  new Promise((done, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: 'POST', path: `/dev/import/${kind}`, headers: { 'content-type': 'application/json' } }, (res) => {
      // Something else on the port (another program, or a host serving another data folder, 409):
      // no host owns this data folder, so the importer writes it itself.
      if (res.statusCode === 404 || res.statusCode === 409) {
        res.resume()
        return reject(new NoHost())
      }
      let buffer = ''
      let report: ImportReport | null = null
      let failure: string | null = null
      const read = (line: string) => {
        if (line.trim() === '') return
        const message = JSON.parse(line) as HandOffMessage
        if (message.progress) onProgress(message.progress)
        if (message.report) report = message.report
        if (message.error) failure = typeof message.error === 'string' ? message.error : message.error.message
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
    req.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ECONNREFUSED' ? new NoHost() : error))
    req.end(JSON.stringify(body))
  })

export interface ImportRun {
  /** 0: imported; 1: bad rows, nothing imported; 2: could not run. */
  code: number
  report?: ImportReport
  /** Where the work happened. */
  via?: 'host' | 'store'
  message?: string
}

/**
 * `npm run import -- <kind> <file> [--skip-invalid]`: hands the file to the local host running on
 * PORT when there is one (one writer per data folder, and the app sees the data at once);
 * otherwise opens DATA_DIR and imports itself.
 */
export const runImport = async (
  args: readonly string[],
  env: { cwd: string; port: number; dataDir: string },
  onProgress: (p: Progress) => void = () => undefined,
): Promise<ImportRun> => {
  const skipInvalid = args.includes('--skip-invalid')
  const [kind, file, ...extra] = args.filter((arg) => arg !== '--skip-invalid')
  if (!kind || !file || extra.length > 0 || !(IMPORT_KINDS as readonly string[]).includes(kind)) return { code: 2, message: USAGE }
  const path = resolve(env.cwd, file)
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return { code: 2, message: `找不到文件 ${path}` }
  const done = (report: ImportReport, via: ImportRun['via']): ImportRun => ({ code: report.applied ? 0 : 1, report, via })
  try {
    return done(await handOff(env.port, kind as ImportKind, { path, skipInvalid, dataDir: env.dataDir }, onProgress), 'host')
  } catch (error) {
    if (!(error instanceof NoHost)) return { code: 2, message: `本地服务没能导入：${(error as Error).message}` }
  }
  const store = await new SqliteStore(env.dataDir).open()
  const report = await importFile({
    store,
    kind: kind as ImportKind,
    file: basename(path),
    skipInvalid,
    ...nodeImportIo(createReadStream(path, { highWaterMark: 1 << 20 }), { rejectedPath: rejectedPathFor(path), media: folderCatalogueMedia(join(env.dataDir, 'media')) }),
    now: new Date(),
    onProgress,
  })
  return done(report, 'store')
}
