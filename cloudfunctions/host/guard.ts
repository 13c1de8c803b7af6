import type { IncomingMessage } from 'node:http'

/**
 * What the local host answers at all. It listens on 127.0.0.1 only, but a web page the user visits
 * can still reach it: by a form or fetch from another origin, or by DNS rebinding (a name of the
 * attacker's that resolves to 127.0.0.1, so the browser treats the host as that page's own origin).
 * So every request must name a loopback host (rebinding sends the attacker's name), must come from
 * the host's own origin or from no browser page at all (no Origin: curl, the import command), and
 * a /dev route takes only JSON, which no page of another origin can send without asking first.
 */

const LOOPBACK = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i

/** Bodies above these sizes are refused with 413 and the connection closed. */
export const BODY_LIMITS = { fn: 1 << 20, dev: 64 << 10 } as const

export type Refusal = { status: number; code: 'FORBIDDEN' | 'INVALID_ARGUMENT'; message: string }

export const refusal = (req: IncomingMessage, path: string): Refusal | null => {
  const host = req.headers.host ?? ''
  if (!LOOPBACK.test(host)) return { status: 403, code: 'FORBIDDEN', message: '本地服务只接受 127.0.0.1 或 localhost 上的请求' }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) return { status: 403, code: 'FORBIDDEN', message: '本地服务不接受其他网页发来的请求' }
  if (path.startsWith('/dev/') && req.method === 'POST' && hasBody(req) && !isJson(req.headers['content-type'])) {
    return { status: 415, code: 'INVALID_ARGUMENT', message: '请求体应为 application/json' }
  }
  return null
}

const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')

const isJson = (type: string | undefined): boolean => type !== undefined && /^application\/json\s*(?:;|$)/i.test(type)

/** The earliest and latest instant a timer may be fired at: from 2000 to a year from now. */
export const timerRange = (realNow: number): { from: number; to: number } => ({ from: Date.UTC(2000, 0, 1), to: realNow + 366 * 86_400_000 })
