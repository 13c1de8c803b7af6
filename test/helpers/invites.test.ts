import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import createInvite from '../../cloudfunctions/functions/createInvite'
import previewInvite from '../../cloudfunctions/functions/previewInvite'
import acceptInvite from '../../cloudfunctions/functions/acceptInvite'
import listHelpers from '../../cloudfunctions/functions/listHelpers'
import updateHelper from '../../cloudfunctions/functions/updateHelper'
import removeHelper from '../../cloudfunctions/functions/removeHelper'
import myRetailers from '../../cloudfunctions/functions/myRetailers'
import helperLog from '../../cloudfunctions/functions/helperLog'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import { helperAccess } from '../../cloudfunctions/core/helpers/access'
import { logHelperAction } from '../../cloudfunctions/core/helpers/log'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import type { HelperScope } from '../../cloudfunctions/contracts/vocabulary'

const A = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const B = shop(2, { openWeekday: 2, openTime: '08:00', closeWeekday: 2, closeTime: '16:00' }, { shopName: '王记食杂店' })
const C = shop(3, SAT_TO_MON, { shopName: '兴旺超市' })
const D = shop(4, SAT_TO_MON, { shopName: '好邻居烟酒店' })
/** Everything the store has written to disk: the SQLite file and its write-ahead log. */
const storedBytes = (dir: string): string =>
  ['store.sqlite', 'store.sqlite-wal'].map((f) => join(dir, f)).filter(existsSync).map((f) => readFileSync(f, 'latin1')).join('')

const AT = '2026-11-23T10:00:00+08:00' // Monday: A's window is open until 16:00, B's opens Tuesday 08:00

describe('family helpers: inviting, accepting and managing', () => {
  let world: World
  const invite = async (owner: string, via: 'link' | 'code', scopes: HelperScope[], kind: 'family' | 'neighbour' = 'family', at = AT) =>
    world.ok(createInvite, owner, { via, kind, scopes }, at)
  const acceptLink = async (helper: string, owner: string, shopNo: string, scopes: HelperScope[], kind: 'family' | 'neighbour' = 'family') => {
    const created = await invite(owner, 'link', scopes, kind)
    if (created.via !== 'link') throw new Error('expected a link')
    return world.call(acceptInvite, helper, { token: created.token, retailer: shopNo }, AT)
  }
  beforeEach(async () => {
    world = await openWorld([
      { retailer: A, owner: 'wx-a' },
      { retailer: B, owner: 'wx-b' },
      { retailer: C, owner: 'wx-c' },
      { retailer: D, owner: 'wx-d' },
    ])
  })
  afterEach(() => world.close())

  it('a share-card link: the helper sees whose invite it is and what it allows, accepts, and the retailer sees them', async () => {
    const created = await invite('wx-a', 'link', ['order', 'remind'])
    expect(created).toEqual({
      via: 'link',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      retailer: { licenseNo: A.licenseNo, shopName: '福满便利店' },
      kind: 'family',
      scopes: ['remind', 'order'],
      expiresAt: '2026-11-24T10:00:00+08:00',
    })
    const token = created.via === 'link' ? created.token : ''
    expect(await world.ok(previewInvite, 'wx-daughter', { token }, AT)).toEqual({
      retailer: { licenseNo: A.licenseNo, shopName: '福满便利店' },
      kind: 'family',
      scopes: ['remind', 'order'],
      expiresAt: '2026-11-24T10:00:00+08:00',
    })
    expect(await world.ok(acceptInvite, 'wx-daughter', { token, retailer: A.licenseNo, name: '女儿 小林' }, '2026-11-23T10:05:00+08:00')).toEqual({
      retailer: { licenseNo: A.licenseNo, shopName: '福满便利店' },
      kind: 'family',
      scopes: ['remind', 'order'],
      name: '女儿 小林',
      templateId: null,
    })
    const { helpers, max } = await world.ok(listHelpers, 'wx-a', {}, AT)
    expect(max).toBe(5)
    expect(helpers).toEqual([
      { helperId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), name: '女儿 小林', kind: 'family', scopes: ['remind', 'order'], addedAt: '2026-11-23T10:05:00+08:00' },
    ])
    expect((await world.ok(helperLog, 'wx-a', {}, AT)).entries).toEqual([
      { at: '2026-11-23T10:05:00+08:00', helperId: helpers[0].helperId, helperName: '女儿 小林', action: 'accept' },
    ])
    // The store keeps only hashes: the token is nowhere in the database (nor its write-ahead log).
    expect(storedBytes(world.dir)).not.toContain(token)
  })

  it('a 6-character code read out on the phone works for 10 minutes, typed in either case', async () => {
    const created = await invite('wx-a', 'code', ['remind'])
    expect(created).toMatchObject({ via: 'code', code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/), expiresAt: '2026-11-23T10:10:00+08:00' })
    const code = created.via === 'code' ? created.code : ''
    expect(await world.ok(previewInvite, 'wx-son', { code: code.toLowerCase() }, '2026-11-23T10:09:59+08:00')).toMatchObject({ retailer: { shopName: '福满便利店' } })
    expect(await world.ok(acceptInvite, 'wx-son', { code: ` ${code.toLowerCase()} `, retailer: A.licenseNo }, '2026-11-23T10:09:59+08:00')).toMatchObject({ name: '家人帮手' })
    expect(storedBytes(world.dir)).not.toContain(code)
  })

  it('lets the retailer change a helper’s scopes and remove them, each effective on the next call', async () => {
    await acceptLink('wx-son', 'wx-a', A.licenseNo, ['remind', 'order'])
    const [{ helperId }] = (await world.ok(listHelpers, 'wx-a', {}, AT)).helpers
    expect(await world.ok(updateHelper, 'wx-a', { helperId, scopes: ['insights'] }, AT)).toMatchObject({ helperId, scopes: ['insights'] })
    expect(await world.call(markOrdered, 'wx-son', { retailer: A.licenseNo }, AT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expect(helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')).resolves.toMatchObject({ helperId })
    expect(await world.ok(removeHelper, 'wx-a', { helperId }, AT)).toEqual({ removed: true })
    await expect(helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await world.ok(myRetailers, 'wx-son', {}, AT)).retailers).toEqual([])
    expect((await world.ok(listHelpers, 'wx-a', {}, AT)).helpers).toEqual([])
  })

  it('gives a helper of several shops each one’s deadline and status, soonest deadline first', async () => {
    await acceptLink('wx-neighbour', 'wx-b', B.licenseNo, ['remind'], 'neighbour')
    await acceptLink('wx-neighbour', 'wx-a', A.licenseNo, ['order'], 'neighbour')
    await acceptLink('wx-neighbour', 'wx-c', C.licenseNo, ['insights'], 'neighbour')
    await world.ok(markOrdered, 'wx-neighbour', { retailer: A.licenseNo }, AT)
    const { retailers } = await world.ok(myRetailers, 'wx-neighbour', {}, AT)
    expect(retailers.map((r) => [r.shopName, r.kind, r.phase, r.closesAt, r.order?.status ?? null])).toEqual([
      ['福满便利店', 'neighbour', 'open', '2026-11-23T16:00:00+08:00', 'orderedByHelper'],
      ['兴旺超市', 'neighbour', 'open', '2026-11-23T16:00:00+08:00', null], // insights only: no order status
      ['王记食杂店', 'neighbour', 'upcoming', '2026-11-24T16:00:00+08:00', 'notOrdered'],
    ])
    expect(retailers[2]).toMatchObject({ opensAt: '2026-11-24T08:00:00+08:00', cycleId: '2026-11-24', orderWindow: B.orderWindow })
    expect((await world.ok(myRetailers, 'wx-neighbour', {}, AT)).consents).toEqual({ template: 'orderReminder', left: 0, templateId: null })
  })

  it('allows at most 5 helpers per shop', async () => {
    const early = await invite('wx-a', 'link', ['remind'])
    for (let i = 1; i <= 5; i++) expect(await acceptLink(`wx-h${i}`, 'wx-a', A.licenseNo, ['remind'])).toMatchObject({ ok: true })
    expect(await world.call(createInvite, 'wx-a', { via: 'link', kind: 'family', scopes: ['remind'] }, AT)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    const token = early.via === 'link' ? early.token : ''
    expect(await world.call(acceptInvite, 'wx-h6', { token, retailer: A.licenseNo }, AT)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect(await world.db.helpers.count({ licenseNo: A.licenseNo })).toBe(5)
  })

  it('lets exactly one of three helpers accepting at the same instant take the last place', async () => {
    for (let i = 1; i <= 4; i++) await acceptLink(`wx-h${i}`, 'wx-a', A.licenseNo, ['remind'])
    const tokens: string[] = []
    for (let i = 0; i < 3; i++) {
      const made = await invite('wx-a', 'link', ['remind'])
      tokens.push(made.via === 'link' ? made.token : '')
    }
    // All three pass the count before any has written, so only the check after the write decides.
    const replies = await Promise.all(tokens.map((token, i) => world.call(acceptInvite, `wx-late${i}`, { token, retailer: A.licenseNo }, AT)))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok && r.error.code === 'LIMIT_REACHED')).toHaveLength(2)
    expect(await world.db.helpers.count({ licenseNo: A.licenseNo })).toBe(5)
  })

  it('lets a paired neighbour (结对子) help at most 3 shops; a family helper is not limited that way', async () => {
    for (const [owner, s] of [['wx-a', A], ['wx-b', B], ['wx-c', C]] as const) {
      expect(await acceptLink('wx-neighbour', owner, s.licenseNo, ['remind'], 'neighbour')).toMatchObject({ ok: true })
    }
    expect(await acceptLink('wx-neighbour', 'wx-d', D.licenseNo, ['remind'], 'neighbour')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect(await acceptLink('wx-neighbour', 'wx-d', D.licenseNo, ['remind'], 'family')).toMatchObject({ ok: true })
  })

  it('logs every helper action for the retailer, newest first, including the summary views another module records', async () => {
    await acceptLink('wx-son', 'wx-a', A.licenseNo, ['order', 'insights'])
    await world.ok(markOrdered, 'wx-son', { retailer: A.licenseNo }, '2026-11-23T11:00:00+08:00')
    const helper = await helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')
    await logHelperAction(world.local.deps(fixedClock('2026-11-23T12:00:00+08:00')), helper, 'viewSummary')
    expect((await world.ok(helperLog, 'wx-a', {}, AT)).entries.map((e) => [e.at, e.action])).toEqual([
      ['2026-11-23T12:00:00+08:00', 'viewSummary'],
      ['2026-11-23T11:00:00+08:00', 'markOrdered'],
      ['2026-11-23T10:00:00+08:00', 'accept'],
    ])
    expect((await world.ok(helperLog, 'wx-b', {}, AT)).entries).toEqual([]) // another shop's log is its own
  })
})
