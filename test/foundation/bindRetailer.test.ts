import { cleanup, tempDataDir } from '../support/localHome'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { COUNTY_SIZE, seedDemoCounty } from '../../cloudfunctions/seed'
import { UNBOUND_EXAMPLE } from '../../cloudfunctions/seed/identities'
import { invokeCallable } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import bindRetailer from '../../cloudfunctions/functions/bindRetailer'
import home from '../../cloudfunctions/functions/home'
import { BIND_LIMIT } from '../../cloudfunctions/core/binding'
import { wechatPhones } from '../../cloudfunctions/adapters/cloudbase/phones'

const AT = '2026-11-23T10:05:00+08:00'

describe('binding a WeChat user to their shop', () => {
  let dir: string
  let local: LocalHome
  const bind = (caller: string, licenseNo: string, phoneCode: string, at = AT) =>
    invokeCallable(bindRetailer, { licenseNo, phoneCode }, { caller, deps: local.deps(fixedClock(at)) })

  beforeEach(async () => {
    dir = tempDataDir()
    local = await openLocalHome(dir)
    await seedDemoCounty(local.store, COUNTY_SIZE, { shopData: false })
  })
  afterEach(() => cleanup(dir))

  it('binds a new user with the license and the phone on record, then shows their home', async () => {
    expect(await bind('wx-new', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toEqual({
      ok: true,
      data: { licenseNo: UNBOUND_EXAMPLE.licenseNo, shopName: expect.any(String) },
    })
    const reply = await invokeCallable(home, {}, { caller: 'wx-new', deps: local.deps() })
    expect(reply).toMatchObject({ ok: true, data: { shop: { licenseNo: UNBOUND_EXAMPLE.licenseNo } } })
  })

  it('says the same thing for an unknown license and a wrong phone', async () => {
    const unknown = await bind('wx-new', '999999999999', UNBOUND_EXAMPLE.phone)
    const wrongPhone = await bind('wx-new', UNBOUND_EXAMPLE.licenseNo, '13900000000')
    expect(unknown).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '许可证号与手机号不匹配，请核对后再试' } })
    expect(wrongPhone).toEqual(unknown)
  })

  it(`pauses a user after ${BIND_LIMIT.perCaller} wrong pairs in an hour, even for the right pair, until the next hour`, async () => {
    for (let i = 0; i < BIND_LIMIT.perCaller; i++) {
      expect(await bind('wx-guess', UNBOUND_EXAMPLE.licenseNo, `1390000000${i}`)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    expect(await bind('wx-guess', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    // Another user is not paused by this one's guesses.
    expect(await bind('wx-other', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: true })
    expect(await bind('wx-guess', '350625100007', '13900000000', '2026-11-23T11:00:00+08:00')).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('does not count a try when WeChat could not decode the phone for another reason than a bad code (quota, permission, outage)', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const down = wechatPhones(async () => Promise.reject(Object.assign(new Error('api minute-quota reach limit'), { errCode: 45011 })))
    const bindWhileDown = (caller: string) => invokeCallable(bindRetailer, { licenseNo: UNBOUND_EXAMPLE.licenseNo, phoneCode: 'code' }, { caller, deps: { ...local.deps(fixedClock(AT)), phones: down } })
    for (let i = 0; i < BIND_LIMIT.perCaller + 2; i++) {
      expect(await bindWhileDown('wx-unlucky')).toEqual({ ok: false, error: { code: 'INTERNAL', message: '暂时无法核对手机号，请稍后再试（本次不计入尝试次数）' } })
    }
    // WeChat back: the user binds at once, not locked out by the outage.
    expect(await bind('wx-unlucky', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: true })
    // An invalid code is a wrong pair: it counts.
    const invalid = wechatPhones(async () => Promise.reject(Object.assign(new Error('invalid code'), { errCode: 40029 })))
    const reply = await invokeCallable(bindRetailer, { licenseNo: UNBOUND_EXAMPLE.licenseNo, phoneCode: 'old' }, { caller: 'wx-stale', deps: { ...local.deps(fixedClock(AT)), phones: invalid } })
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const counts = async (caller: string) =>
      (await local.store.collection<{ _id: string; count: number }>('counters').find({})).filter((c) => c._id.startsWith(`bind:caller:${caller}:`)).map((c) => c.count)
    expect(await counts('wx-stale')).toEqual([1])
    // Every try WeChat could not decode was given back.
    expect(await counts('wx-unlucky')).toEqual([0])
  })

  it('never takes over a shop bound to another WeChat user', async () => {
    expect(await bind('wx-a', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: true })
    expect(await bind('wx-b', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: false, error: { code: 'ALREADY_BOUND' } })
    const binding = await local.store.collection<{ _id: string; openId: string }>('bindings').get(UNBOUND_EXAMPLE.licenseNo)
    expect(binding?.openId).toBe('wx-a')
  })

  it('lets two users racing for one shop produce exactly one owner', async () => {
    const replies = await Promise.all(['wx-1', 'wx-2', 'wx-3'].map((who) => bind(who, UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok && r.error.code === 'ALREADY_BOUND')).toHaveLength(2)
  })

  it('is idempotent for the owner and refuses a second shop for one user', async () => {
    expect(await bind('wx-a', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: true })
    expect(await bind('wx-a', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ ok: true })
    expect(await bind('demo-retailer-1', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)).toMatchObject({ error: { code: 'ALREADY_BOUND' } })
  })

  it('keeps a binding across a restart of the store', async () => {
    await bind('wx-a', UNBOUND_EXAMPLE.licenseNo, UNBOUND_EXAMPLE.phone)
    const reopened = await openLocalHome(dir)
    const reply = await invokeCallable(home, {}, { caller: 'wx-a', deps: reopened.deps() })
    expect(reply).toMatchObject({ ok: true, data: { shop: { licenseNo: UNBOUND_EXAMPLE.licenseNo } } })
  })
})
