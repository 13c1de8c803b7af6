import { cleanup, tempDataDir } from '../support/localHome'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { COUNTY_SIZE, seedDemoCounty } from '../../cloudfunctions/seed'
import { functions } from '../../cloudfunctions/functions/registry'
import { invokeCallable, type CallableDef } from '../../cloudfunctions/functions/define'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'
import bindRetailer from '../../cloudfunctions/functions/bindRetailer'
import home from '../../cloudfunctions/functions/home'

/** Everything in the store, to prove a rejected call changed nothing. */
const snapshot = async (local: LocalHome) => {
  const all: Record<string, unknown[]> = {}
  for (const name of Object.keys(COLLECTIONS)) all[name] = await local.store.collection(name).find({}, { sort: { _id: 1 } })
  return all
}

const HUGE = 'x'.repeat(200_000)
/** Events no function accepts: not objects, or objects with a field no schema knows. */
const ALWAYS_BAD: unknown[] = [[], 'home', 42, true, { unexpected: 1 }, { openId: 'demo-retailer-2' }, { _id: 'x' }, { padding: HUGE }]

/** One seeded county for the file: nothing here may change it (the first block proves that). */
let dir: string
let local: LocalHome
beforeAll(async () => {
  dir = tempDataDir()
  local = await openLocalHome(dir)
  await seedDemoCounty(local.store, COUNTY_SIZE, { shopData: false })
})
afterAll(() => cleanup(dir))

describe('every function validates its event strictly and changes nothing when it refuses', () => {
  const callables = functions.filter((f): f is CallableDef => f.kind === 'callable')

  it.each(callables.map((f) => [f.name, f] as const))('%s rejects malformed events with INVALID_ARGUMENT', async (_name, def) => {
    const before = await snapshot(local)
    for (const event of ALWAYS_BAD) {
      const reply = await invokeCallable(def, event, { caller: 'demo-retailer-1', deps: local.deps() })
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await snapshot(local)).toEqual(before)
  })

  it.each([
    ['a missing field', { licenseNo: '350625100006' }],
    ['a number for a string', { licenseNo: 350625100006, phoneCode: '13800000006' }],
    ['a short license', { licenseNo: '3506', phoneCode: '13800000006' }],
    ['a license with letters', { licenseNo: '35062510000A', phoneCode: '13800000006' }],
    ['a huge code', { licenseNo: '350625100006', phoneCode: HUGE }],
    ['an empty code', { licenseNo: '350625100006', phoneCode: '' }],
    ['an extra field', { licenseNo: '350625100006', phoneCode: '13800000006', openId: 'someone-else' }],
    ['null', null],
  ])('bindRetailer rejects %s and binds nothing', async (_what, event) => {
    const before = await snapshot(local)
    const reply = await invokeCallable(bindRetailer, event, { caller: 'wx-fuzz', deps: local.deps() })
    if (event === null) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^参数不正确/) } })
    }
    expect(await snapshot(local)).toEqual(before)
  })

  it('never echoes internals: a message is short Chinese text, not a stack', async () => {
    const reply = await invokeCallable(home, { unexpected: HUGE }, { caller: 'demo-retailer-1', deps: local.deps() })
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.message.length).toBeLessThan(200)
      expect(reply.error.message).not.toMatch(/at \w+ \(|node_modules|Error:/)
    }
  })
})

describe('a caller only ever sees their own shop', () => {
  it('answers home with the caller’s shop, whoever is named in the event', async () => {
    const own = await invokeCallable(home, {}, { caller: 'demo-retailer-2', deps: local.deps() })
    expect(own).toMatchObject({ ok: true, data: { shop: { licenseNo: '350625100002', shopName: '王记食杂店' } } })
    const forged = await invokeCallable(home, { licenseNo: '350625100001' }, { caller: 'demo-retailer-2', deps: local.deps() })
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('tells an unbound user to bind, and shows them nothing', async () => {
    expect(await invokeCallable(home, {}, { caller: 'wx-stranger', deps: local.deps() })).toEqual({
      ok: false,
      error: { code: 'NOT_BOUND', message: '请先绑定您的店铺' },
    })
  })
})
