import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { functions } from '../functions/registry'
import { failure, invokeCallable, invokeTimer, type FunctionDef } from '../functions/define'
import { fixedClock } from '../adapters/node/clock'
import type { LocalHome } from './local'
import { demoIdentities } from '../seed/identities'
import { Statics } from './statics'
import { handleDevImport } from './importRoute'
import { ORDER_PLATFORM_PATH, orderPlatformPage } from './orderPlatform'

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
}

const MAX_BODY = 1 << 20
class BadRequest extends Error {}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new BadRequest('body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest('body is not JSON')
  }
}

export const createHost = ({ home, staticDir, fns = functions }: HostOptions): Server => {
  const byName = new Map(fns.map((fn) => [fn.name, fn]))

  const statics = staticDir ? new Statics(staticDir) : null
  if (statics) void statics.warm()

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const method = req.method ?? 'GET'

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
      const event = await readJson(req)
      if (!fn) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个功能' } })
      if (fn.kind === 'timer') {
        // A timer function answers only its trigger, as in CloudBase where users cannot call it usefully.
        return send(res, 200, failure('FORBIDDEN', 'timerOnly'))
      }
      const header = req.headers['x-dev-openid']
      const caller = typeof header === 'string' && header.trim() !== '' ? header.trim() : null
      return send(res, 200, await invokeCallable(fn, event, { caller, deps: home.deps() }))
    }

    const tick = /^\/dev\/timer\/([A-Za-z0-9_]+)$/.exec(path)
    if (tick && method === 'POST') {
      const fn = byName.get(tick[1])
      const body = (await readJson(req)) as { now?: unknown } | undefined
      if (!fn || fn.kind !== 'timer') return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no timer function by that name' } })
      const now = body?.now === undefined ? new Date() : new Date(String(body.now))
      if (Number.isNaN(now.getTime())) throw new BadRequest('now is not an ISO-8601 instant')
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
    if (handOff && method === 'POST') return handleDevImport(req, res, home, handOff[1])

    if ((method === 'GET' || method === 'HEAD') && statics && (await statics.serve(req, res, path))) return
    if (method === 'GET' || method === 'HEAD') return send(res, 404, { error: 'not found' })
    return send(res, 405, { error: 'method not allowed' })
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BadRequest) return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: error.message } })
      console.error('[host]', error)
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } })
    })
  })
}
