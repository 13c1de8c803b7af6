import { cleanup, startTestHost, type TestHost } from '../support/localHome'

const JSON_TYPE = { 'content-type': 'application/json' }

describe('the local host protocol', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await startTestHost()
  })
  afterAll(async () => {
    await host.close()
    cleanup(host.dataDir)
  })

  it('lists every function with its timer (null for callables)', async () => {
    const list = (await (await fetch(`${host.base}/fn`)).json()) as { name: string; timer: string | null }[]
    const byName = Object.fromEntries(list.map((f) => [f.name, f.timer]))
    expect(byName).toMatchObject({ ping: null, home: null, bindRetailer: null })
    for (const { timer } of list) if (timer !== null) expect(timer.split(' ')).toHaveLength(7)
  })

  it('answers a call with exactly what the function returned', async () => {
    expect(await host.call('ping', {}, 'demo-retailer-1')).toEqual({ ok: true, data: { pong: true } })
  })

  it('gives a caller without X-Dev-OpenId no identity', async () => {
    expect(await host.call('home', {})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
  })

  it('rejects a body that is not JSON with HTTP 400', async () => {
    const res = await fetch(`${host.base}/fn/home`, { method: 'POST', headers: { 'x-dev-openid': 'demo-retailer-1' }, body: '{oops' })
    expect(res.status).toBe(400)
  })

  it('answers NOT_FOUND for an unknown function', async () => {
    const res = await fetch(`${host.base}/fn/nope`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('fires only timer functions through /dev/timer', async () => {
    const res = await fetch(`${host.base}/dev/timer/home`, { method: 'POST', headers: JSON_TYPE, body: '{}' })
    expect(res.status).toBe(404)
  })

  it('rejects a timer clock that is not an instant', async () => {
    const timers = ((await (await fetch(`${host.base}/fn`)).json()) as { name: string; timer: string | null }[]).filter((f) => f.timer)
    for (const { name } of timers) {
      const res = await fetch(`${host.base}/dev/timer/${name}`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ now: 'yesterday-ish' }) })
      expect(res.status).toBe(400)
    }
  })

  it('lists the demo identities with their shop names', async () => {
    const body = (await (await fetch(`${host.base}/dev/identities`)).json()) as { identities: { openId: string; shopName: string }[] }
    expect(body.identities.slice(0, 5).map((i) => i.openId)).toEqual([1, 2, 3, 4, 5].map((n) => `demo-retailer-${n}`))
    expect(body.identities[0].shopName).toBe('福满便利店')
  })

  it('starts with an empty outbox', async () => {
    expect(await (await fetch(`${host.base}/dev/outbox`)).json()).toEqual([])
  })
})
