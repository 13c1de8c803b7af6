import { IMPORT_KINDS, type ImportKind } from '../contracts/vocabulary'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import type { ServerResponse } from 'node:http'
import type { LocalHome } from './local'
import { importFile } from '../core/imports/run'
import type { HandOff, HandOffMessage } from '../core/imports/handOff'
import { nodeImportIo } from '../adapters/node/importIo'
import { rejectedPathFor } from '../adapters/node/files'
import { takeGrant } from '../adapters/node/importGrants'
import { folderCatalogueMedia } from '../adapters/node/catalogueMedia'

const line = (message: HandOffMessage): string => `${JSON.stringify(message)}\n`

const answer = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ ok: false, error: { code: status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : 'INVALID_ARGUMENT', message } }))
}

/**
 * POST /dev/import/<kind> `{ "grant": "<name>" }` — the local host applies a file on the import
 * command's behalf, so the data folder keeps one writer and the app sees the data at once. The
 * file is the one the command's grant names (adapters/node/importGrants.ts), never a path from the
 * request. The answer is NDJSON: `{"progress":…}` lines while it works, then one `{"report":…}` line.
 */
export const handleDevImport = async (home: LocalHome, kind: string, body: unknown, res: ServerResponse): Promise<void> => {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return answer(res, 404, `没有这种数据：${kind}`)
  const grant = takeGrant(home.store.dir, (body as Partial<HandOff> | undefined)?.grant)
  if (!grant) return answer(res, 403, '只导入 npm run import 命令行上指定的文件')
  const info = isAbsolute(grant.path) ? await stat(grant.path).catch(() => null) : null
  if (!info?.isFile()) return answer(res, 400, `找不到文件 ${grant.path}`)
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  let last = 0
  try {
    const report = await importFile({
      store: home.store,
      kind: kind as ImportKind,
      file: basename(grant.path),
      skipInvalid: grant.skipInvalid,
      ...nodeImportIo(createReadStream(grant.path, { highWaterMark: 1 << 20 }), { rejectedPath: rejectedPathFor(grant.path), media: folderCatalogueMedia(home.mediaDir) }),
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
