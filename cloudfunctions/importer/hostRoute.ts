import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalHome } from '../host/local'
import { importFile } from './run'
import { rejectedPathFor } from './files'
import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'

/** What `npm run import` sends to a running host. */
export interface HandOff {
  path: string
  skipInvalid?: boolean
  /** The data folder the importer meant to write: a host serving another one says 409. */
  dataDir?: string
}

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return null
  }
}

const answer = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ ok: false, error: { code: status === 409 ? 'CONFLICT' : 'INVALID_ARGUMENT', message } }))
}

/**
 * POST /dev/import/<kind> — the local host applies a file on the importer's behalf, so the
 * embedded store keeps one writer and the app sees the data at once. The answer is NDJSON:
 * `{"progress":…}` lines while it works, then one `{"report":…}` line.
 */
export const handleDevImport = async (req: IncomingMessage, res: ServerResponse, home: LocalHome, kind: string): Promise<void> => {
  const body = (await readBody(req)) as Partial<HandOff> | null
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return answer(res, 404, `没有这种数据：${kind}`)
  if (!body || typeof body.path !== 'string' || !isAbsolute(body.path)) return answer(res, 400, 'path 应为文件的绝对路径')
  if (body.dataDir !== undefined && resolve(body.dataDir) !== resolve(home.store.dir)) {
    return answer(res, 409, `本地服务使用的数据目录是 ${resolve(home.store.dir)}，不是 ${resolve(String(body.dataDir))}`)
  }
  const info = await stat(body.path).catch(() => null)
  if (!info?.isFile()) return answer(res, 400, `找不到文件 ${body.path}`)
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  let last = 0
  try {
    const report = await importFile({
      store: home.store,
      kind: kind as ImportKind,
      source: createReadStream(body.path, { highWaterMark: 1 << 20 }),
      file: basename(body.path),
      skipInvalid: body.skipInvalid === true,
      rejectedPath: rejectedPathFor(body.path),
      now: home.deps().clock.now(),
      onProgress: (progress) => {
        const now = performance.now()
        if (now - last < 200) return
        last = now
        res.write(`${JSON.stringify({ progress })}\n`)
      },
    })
    res.end(`${JSON.stringify({ report })}\n`)
  } catch (error) {
    console.error('[import]', error)
    res.end(`${JSON.stringify({ error: '导入失败，数据已恢复原样' })}\n`)
  }
}
