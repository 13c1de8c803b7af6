import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { SqliteStore } from '../adapters/sqlite/store'
import { nodeImportIo } from '../adapters/node/importIo'
import { rejectedPathFor } from '../adapters/node/files'
import { dropGrant, grantImport } from '../adapters/node/importGrants'
import { NoAnswer, postNdjson, withDataFolder, type FolderWork } from './dataFolder'
import { folderCatalogueMedia } from '../adapters/node/catalogueMedia'
import { importFile } from '../core/imports/run'
import type { Progress } from '../core/imports/check'
import type { HandOff, HandOffMessage } from '../core/imports/handOff'
import type { ImportReport } from '../contracts/insights'

/** The host answered but could not import (anything but not answering at all). */
class HostFailed extends Error {}

export const USAGE = `用法：npm run import -- <${IMPORT_KINDS.join('|')}> <文件.csv> [--skip-invalid]`

/**
 * Hands the file to the local host on `port` and follows its NDJSON answer: the host imports the
 * file the grant names (adapters/node/importGrants.ts). Answers the report.
 */
export const handOff = async (port: number, kind: ImportKind, body: HandOff, onProgress: (p: Progress) => void): Promise<ImportReport> => {
  let report: ImportReport | null = null
  let failure: string | null = null
  const status = await postNdjson(port, `/dev/import/${kind}`, body, (line) => {
    const message = line as HandOffMessage & { error?: string | { message?: string } }
    if (message.progress) onProgress(message.progress)
    if (message.report) report = message.report
    if (message.error) failure = typeof message.error === 'string' ? message.error : String(message.error.message)
  })
  if (report) return report
  throw new Error(failure ?? `本地服务回答 HTTP ${status}`)
}

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
  const work = await withDataFolder(
    env.dataDir,
    `导入 ${basename(path)}`,
    {
      viaHost: async (port) => {
        const grant = grantImport(env.dataDir, { path, skipInvalid })
        try {
          return await handOff(port, kind as ImportKind, { grant }, onProgress)
        } catch (error) {
          throw error instanceof NoAnswer ? error : new HostFailed((error as Error).message)
        } finally {
          dropGrant(env.dataDir, grant)
        }
      },
      here: () => importHere(env.dataDir, kind as ImportKind, path, skipInvalid, onProgress),
    },
    env.waitMs,
  ).catch((error: unknown): FolderWork<ImportReport> => {
    if (error instanceof HostFailed) return { via: 'busy', message: `本地服务没能导入：${error.message}` }
    throw error
  })
  if (work.via === 'busy') return { code: 2, message: work.message }
  return done(work.result, work.via, work.via === 'host' ? work.port : undefined)
}

const importHere = async (dataDir: string, kind: ImportKind, path: string, skipInvalid: boolean, onProgress: (p: Progress) => void): Promise<ImportReport> => {
  const store = await new SqliteStore(dataDir).open()
  try {
    return await importFile({
      store,
      kind,
      file: basename(path),
      skipInvalid,
      ...nodeImportIo(createReadStream(path, { highWaterMark: 1 << 20 }), { rejectedPath: rejectedPathFor(path), media: folderCatalogueMedia(join(dataDir, 'media')) }),
      now: new Date(),
      onProgress,
    })
  } finally {
    store.close()
  }
}
