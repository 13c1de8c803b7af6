import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, isAbsolute, resolve } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalHome } from './local'
import { importFile } from '../core/imports/run'
import type { HandOff, HandOffMessage } from '../core/imports/handOff'
import { nodeImportIo } from '../adapters/node/importIo'
import { rejectedPathFor } from '../adapters/node/files'
import { folderCatalogueMedia } from '../adapters/node/catalogueMedia'

const line = (message: HandOffMessage): string => `${JSON.stringify(message)}\n`

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
      file: basename(body.path),
      skipInvalid: body.skipInvalid === true,
      ...nodeImportIo(createReadStream(body.path, { highWaterMark: 1 << 20 }), { rejectedPath: rejectedPathFor(body.path), media: folderCatalogueMedia(home.mediaDir) }),
      now: home.deps().clock.now(),
      onProgress: (progress) => {
        const now = performance.now()
        if (now - last < 200) return
        last = now
        res.write(line({ progress }))
      },
    })
    res.end(line({ report }))
  } catch (error) {
    console.error('[import]', error)
    res.end(line({ error: '导入失败，数据已恢复原样' }))
  }
}
