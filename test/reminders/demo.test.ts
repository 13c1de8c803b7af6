import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { openLocalHome } from '../../cloudfunctions/host/local'
import { createHost } from '../../cloudfunctions/host/server'
import { COUNTY_SIZE, seedDemoCounty } from '../../cloudfunctions/seed'

/** The demo county shows the whole reminder loop on the local host with no setup. */
describe('the demo: demo-retailer-1 reminded, demo-family-1 escalated to, over the local host protocol', () => {
  let dir: string
  let server: Server
  let base: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-'))
    const home = await openLocalHome(dir)
    // The county and its demo identities; a year of shop data is not needed here.
    await seedDemoCounty(home.store, COUNTY_SIZE, { shopData: false })
    server = createHost({ home })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 60_000)
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  })
  const call = async (name: string, event: unknown, caller: string) =>
    (await fetch(`${base}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': caller }, body: JSON.stringify(event) })).json()
  const post = async (path: string, body: unknown) =>
    (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()

  it('offers demo-family-1 on the sign-in screen as 福满便利店’s helper', async () => {
    const { identities } = (await (await fetch(`${base}/dev/identities`)).json()) as { identities: { openId: string; shopName: string; role: string }[] }
    expect(identities.find((i) => i.openId === 'demo-family-1')).toMatchObject({ shopName: '福满便利店', role: 'helper' })
    expect(identities.filter((i) => i.role === 'retailer')).toHaveLength(5)
  })

  it('lists the timer, and at Monday 14:00 sends the last reminder to the retailer and, not ordered yet, to the family helper', async () => {
    const fns = (await (await fetch(`${base}/fn`)).json()) as { name: string; timer: string | null }[]
    expect(fns.find((f) => f.name === 'remindTick')).toEqual({ name: 'remindTick', timer: '0 */5 * * * * *' })
    expect(await call('home', {}, 'demo-retailer-1')).toMatchObject({ ok: true, data: { reminders: { enabled: true, left: 20, exhausted: false } } })
    expect(await post('/dev/timer/remindTick', { now: '2026-11-23T14:00:00+08:00' })).toMatchObject({ ok: true, data: { sent: 1, escalated: 1 } })
    const outbox = (await (await fetch(`${base}/dev/outbox`)).json()) as { toOpenId: string; data: Record<string, string> }[]
    expect(outbox.map((m) => [m.toOpenId, m.data.thing1, m.data.thing3]).sort()).toEqual([
      ['demo-family-1', '福满便利店', '家人还未订货，还剩2小时'],
      ['demo-retailer-1', '福满便利店', '订货即将截止，还剩2小时'],
    ])
    // The helper's list shows the shop they help (status at the host's real clock: nothing ordered).
    expect(await call('myRetailers', {}, 'demo-family-1')).toMatchObject({ ok: true, data: { retailers: [{ shopName: '福满便利店', order: { status: 'notOrdered' } }] } })
  })

  it('refuses a user calling the timer as a function', async () => {
    expect(await call('remindTick', {}, 'demo-retailer-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
