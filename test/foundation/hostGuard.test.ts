import { request } from 'node:http'
import { Socket } from 'node:net'
import { cleanup, startTestHost, type TestHost } from '../support/localHome'
import { BODY_LIMITS } from '../../cloudfunctions/host/guard'

/** One raw HTTP/1.1 request, with the headers a browser or an attacker's page would send. */
const raw = (base: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, setHost: !('host' in headers), agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })

describe('the local host answers only the local app', () => {
  let host: TestHost
  const TICK_NOW = { now: '2026-11-23T14:00:00+08:00' }
  beforeAll(async () => {
    host = await startTestHost()
  })
  afterAll(async () => {
    await host.close()
    cleanup(host.dataDir)
  })
  const json = { 'content-type': 'application/json' }

  it('refuses a Host that is not loopback (DNS rebinding) on every route, /dev and /fn alike', async () => {
    for (const [method, path] of [['GET', '/dev/outbox'], ['POST', '/dev/timer/remindTick'], ['POST', '/fn/home'], ['GET', '/']] as const) {
      const res = await raw(host.base, method, path, { ...json, host: 'evil.example:8080', 'x-dev-openid': 'demo-retailer-1' }, '{}')
      expect([path, res.status]).toEqual([path, 403])
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const port = new URL(host.base).port
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`]) {
      expect((await raw(host.base, 'GET', '/dev/outbox', { host: name })).status).toBe(200)
    }
  })

  it('refuses a request from another origin, and takes the host’s own origin or none', async () => {
    const other = await raw(host.base, 'POST', '/dev/timer/remindTick', { ...json, origin: 'https://evil.example' }, JSON.stringify(TICK_NOW))
    expect(other.status).toBe(403)
    const nullOrigin = await raw(host.base, 'POST', '/fn/ping', { ...json, origin: 'null', 'x-dev-openid': 'demo-retailer-1' }, '{}')
    expect(nullOrigin.status).toBe(403)
    const own = await raw(host.base, 'POST', '/dev/timer/remindTick', { ...json, origin: host.base }, JSON.stringify(TICK_NOW))
    expect([own.status, JSON.parse(own.body).ok]).toEqual([200, true])
    expect((await raw(host.base, 'POST', '/dev/timer/remindTick', json, JSON.stringify(TICK_NOW))).status).toBe(200)
  })

  it('takes only application/json on /dev routes: a text/plain or form body (what a page may send unasked) is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await raw(host.base, 'POST', '/dev/timer/remindTick', { 'content-type': type }, JSON.stringify(TICK_NOW))
      expect([type, res.status]).toEqual([type, 415])
    }
    expect((await raw(host.base, 'POST', '/dev/timer/remindTick', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(TICK_NOW))).status).toBe(200)
  })

  it('fires a timer only with a clock from 2000 up to a year from now', async () => {
    const tick = async (now: string) => (await raw(host.base, 'POST', '/dev/timer/remindTick', json, JSON.stringify({ now }))).status
    expect(await tick('9999-01-01T00:00:00Z')).toBe(400)
    expect(await tick(new Date(Date.now() + 367 * 86_400_000).toISOString())).toBe(400)
    expect(await tick('1999-12-31T23:59:59Z')).toBe(400)
    expect(await tick(new Date(Date.now() + 300 * 86_400_000).toISOString())).toBe(200)
    expect((await raw(host.base, 'POST', '/dev/timer/remindTick', json, JSON.stringify({ now: 1e15 }))).status).toBe(400)
  })

  it('answers a body over the limit with 413 and Connection: close on every route, and serves the next connection', async () => {
    const big = 'x'.repeat(BODY_LIMITS.fn + 1)
    for (const path of ['/fn/home', '/dev/timer/remindTick', '/dev/import/sales', '/dev/outbox']) {
      const res = await raw(host.base, 'POST', path, json, path.startsWith('/dev/') ? 'y'.repeat(BODY_LIMITS.dev + 1) : big)
      expect([path, res.status, res.headers.connection]).toEqual([path, 413, 'close'])
    }
    expect(await host.call('ping', {}, 'demo-retailer-1')).toEqual({ ok: true, data: { pong: true } })
  })

  it('closes a keep-alive connection after an oversized body streamed without a length, so nothing is read as the next request', async () => {
    const url = new URL(host.base)
    const socket = new Socket()
    await new Promise<void>((resolve) => socket.connect(Number(url.port), url.hostname, resolve))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.write(`POST /fn/home HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`)
    const piece = 'z'.repeat(64 * 1024)
    for (let sent = 0; sent <= BODY_LIMITS.fn && !socket.destroyed; sent += piece.length) socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`)
    await closed
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer.toLowerCase()).toContain('connection: close')
  })
})
