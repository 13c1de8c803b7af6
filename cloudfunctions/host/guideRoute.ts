import { resolve } from 'node:path'
import type { ServerResponse } from 'node:http'
import { MONTH_PATTERN } from '../contracts/vocabulary'
import type { LocalHome } from './local'
import { buildMonth, type BuildProgress } from '../core/guidance/build'
import { AppError } from '../core/errors'
import { errorText } from '../words/errors'

/** What `npm run guide -- build` sends to a running host. */
export interface GuideHandOff {
  force?: boolean
  dataDir?: string
}

/**
 * POST /dev/guide/<YYYY-MM> — the local host builds a month on `npm run guide`'s behalf, so the
 * data folder (and the outbox) keep one writer. NDJSON: `{"progress":…}` lines, then
 * `{"report":…}`, or `{"error":{code,message}}`.
 */
export const handleDevGuide = async (home: LocalHome, month: string, raw: unknown, res: ServerResponse): Promise<void> => {
  const body = raw === undefined ? {} : typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as GuideHandOff) : null
  const refuse = (status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ ok: false, error: { code: status === 409 ? 'CONFLICT' : 'INVALID_ARGUMENT', message } }))
  }
  if (!MONTH_PATTERN.test(month)) return refuse(400, '月份应为 YYYY-MM')
  if (!body) return refuse(400, '请求不是 JSON')
  if (body.dataDir !== undefined && resolve(body.dataDir) !== resolve(home.store.dir)) {
    return refuse(409, `本地服务使用的数据目录是 ${resolve(home.store.dir)}，不是 ${resolve(String(body.dataDir))}`)
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  let last = 0
  const onProgress = (progress: BuildProgress) => {
    const now = performance.now()
    if (now - last < 200) return
    last = now
    res.write(`${JSON.stringify({ progress })}\n`)
  }
  try {
    const report = await buildMonth(home.deps(), { month, force: body.force === true, onProgress })
    res.end(`${JSON.stringify({ report })}\n`)
  } catch (error) {
    if (error instanceof AppError) return void res.end(`${JSON.stringify({ error: { code: error.code, message: errorText(error.reason, error.figures) } })}\n`)
    console.error('[guide]', error)
    res.end(`${JSON.stringify({ error: { code: 'INTERNAL', message: '生成失败，请再运行一次：已生成的部分会接着做完' } })}\n`)
  }
}
