import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { functions } from '../functions/registry'
import { failure, invokeCallable, invokeTimer, type FunctionDef } from '../functions/define'
import { fixedClock } from '../adapters/node/clock'
import type { LocalHome } from './local'
import { demoIdentities } from '../seed/identities'
import { Statics } from './statics'
import { handleDevImport } from './importRoute'
import { BODY_LIMITS, refusal, timerRange } from './guard'
import { handleDevGuide } from './guideRoute'
import { serveMedia } from './mediaRoute'
import { ORDER_PLATFORM_PATH, orderPlatformPage } from './orderPlatform'
import { Turns } from './turns'

/**
 * The local host: the built H5 app and every function on one port, with the protocol the tests
 * and tools rely on (README "Local host protocol"). The /dev routes and the X-Dev-OpenId header
 * exist only here; deployed functions take the caller from CloudBase.
 */
export interface HostOptions {
  home: LocalHome
  /** The H5 build to serve; absent in function-only tests. */
  staticDir?: string
  fns?: FunctionDef[]
  /** The assembled AR探店 viewer (host/panorama/assemble.ts), served at /panorama/. */
  panoramaDir?: string
}

class BadRequest extends Error {}
/** A body over the route's limit: answered 413 and the connection closed, as the rest of it is never read. */
export class TooLarge extends Error {}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = JSON.stringify(body)
  // With its length said, the head and the body leave in one write (chunked encoding is a writev of five pieces).
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}

/** The whole body, refused (TooLarge) as soon as it says or turns out to be over `limit` bytes. */
export const readBody = async (req: IncomingMessage, limit: number): Promise<Buffer> => {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new TooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new TooLarge()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const readJson = async (req: IncomingMessage, limit: number): Promise<unknown> => {
  const body = await readBody(req, limit)
  const text = body.toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest('body is not JSON')
  }
}

export const createHost = ({ home, staticDir, fns = functions, panoramaDir }: HostOptions): Server => {
  const byName = new Map(fns.map((fn) => [fn.name, fn]))

  const statics = staticDir ? new Statics(staticDir) : null
  if (statics) void statics.warm()
  const panorama = panoramaDir ? new Statics(panoramaDir) : null
  // A few milliseconds of calls per loop turn, so a crowd never starves new connections (turns.ts).
  const turns = new Turns()

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const method = req.method ?? 'GET'
    const refused = refusal(req, path)
    if (refused) return send(res, refused.status, { ok: false, error: { code: refused.code, message: refused.message } }, { connection: 'close' })
    // Routes that read no body still refuse a large one, rather than leave it to drain.
    if (Number(req.headers['content-length'] ?? 0) > (path.startsWith('/dev/') ? BODY_LIMITS.dev : BODY_LIMITS.fn)) throw new TooLarge()

    if (method === 'GET' && path === '/fn') {
      return send(
        res,
        200,
        fns.map((fn) => ({ name: fn.name, timer: fn.kind === 'timer' ? fn.cron : null })),
      )
    }

    const call = /^\/fn\/([A-Za-z0-9_]+)$/.exec(path)
    if (call && method === 'POST') {
      const fn = byName.get(call[1])
      const event = await readJson(req, BODY_LIMITS.fn)
      if (!fn) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个功能' } })
      if (fn.kind === 'timer') {
        // A timer function answers only its trigger, as in CloudBase where users cannot call it usefully.
        return send(res, 200, failure('FORBIDDEN', 'timerOnly'))
      }
      const header = req.headers['x-dev-openid']
      const caller = typeof header === 'string' && header.trim() !== '' ? header.trim() : null
      await turns.take()
      return send(res, 200, await invokeCallable(fn, event, { caller, deps: home.deps() }))
    }

    const tick = /^\/dev\/timer\/([A-Za-z0-9_]+)$/.exec(path)
    if (tick && method === 'POST') {
      const fn = byName.get(tick[1])
      const body = (await readJson(req, BODY_LIMITS.dev)) as { now?: unknown } | undefined
      if (!fn || fn.kind !== 'timer') return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no timer function by that name' } })
      const now = body?.now === undefined ? new Date() : new Date(typeof body.now === 'string' ? body.now : NaN)
      if (Number.isNaN(now.getTime())) throw new BadRequest('now is not an ISO-8601 instant')
      // A clock far ahead would move every schedule's cursor past years of reminders.
      const range = timerRange(Date.now())
      if (now.getTime() < range.from || now.getTime() > range.to) throw new BadRequest('now must be between 2000-01-01 and a year from today')
      return send(res, 200, await invokeTimer(fn, { caller: null, deps: home.deps(fixedClock(now)) }))
    }

    if (method === 'GET' && path === '/dev/outbox') return send(res, 200, await home.outbox.list())
    if (method === 'GET' && path === '/dev/identities') return send(res, 200, await demoIdentities(home.store))
    if (method === 'GET' && path === ORDER_PLATFORM_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      return void res.end(orderPlatformPage())
    }
    // `npm run import` hands its file here when a host is running, so the store keeps one writer.
    const handOff = /^\/dev\/import\/([a-z]+)$/.exec(path)
    if (handOff && method === 'POST') return handleDevImport(home, handOff[1], await readJson(req, BODY_LIMITS.dev), res)
    // `npm run guide -- build` likewise.
    const guide = /^\/dev\/guide\/([0-9-]+)$/.exec(path)
    if (guide && method === 'POST') return handleDevGuide(home, guide[1], await readJson(req, BODY_LIMITS.dev), res)
    if (path.startsWith('/dev/') && method !== 'GET') return send(res, 405, { error: 'method not allowed' })

    if ((method === 'GET' || method === 'HEAD') && path.startsWith('/media/') && (await serveMedia(req, res, home.mediaDir, path.slice('/media/'.length)))) return
    if ((method === 'GET' || method === 'HEAD') && panorama && (path === '/panorama' || path.startsWith('/panorama/'))) {
      // The viewer's page loads its script and styles by relative paths: it lives under /panorama/.
      if (path === '/panorama') {
        res.writeHead(301, { location: `/panorama/${url.search}` }).end()
        return
      }
      if (await panorama.serve(req, res, path.slice('/panorama'.length))) return
      return send(res, 404, { error: 'not found' })
    }
    if ((method === 'GET' || method === 'HEAD') && statics && (await statics.serve(req, res, path))) return
    if (method === 'GET' || method === 'HEAD') return send(res, 404, { error: 'not found' })
    return send(res, 405, { error: 'method not allowed' })
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (error instanceof TooLarge) return send(res, 413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求体太大' } }, { connection: 'close' })
      if (error instanceof BadRequest) return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: error.message } })
      console.error('[host]', error)
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } })
    })
  })
}
