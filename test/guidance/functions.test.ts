import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { invokeCallable, invokeTimer, type CallableDef } from '../../cloudfunctions/functions/define'
import { checkLibrary } from '../../cloudfunctions/core/guidance/library'
import { outOfQuietHours } from '../../cloudfunctions/core/reminders/plan'
const outsideQuietHours = (at: number) => outOfQuietHours(at, Infinity)
import guide from '../../cloudfunctions/functions/guide'
import guideFeedback from '../../cloudfunctions/functions/guideFeedback'
import profitSheet from '../../cloudfunctions/functions/profitSheet'
import home from '../../cloudfunctions/functions/home'
import inbox from '../../cloudfunctions/functions/inbox'
import addConsents from '../../cloudfunctions/functions/addConsents'
import monthlyGuide from '../../cloudfunctions/functions/monthlyGuide'
import remindTick from '../../cloudfunctions/functions/remindTick'
import type { EventOf, FunctionName } from '../../cloudfunctions/contracts'
import { CATALOGUE, COUNTY, MONTH, license } from './county'
import { KNOWN, defaultLibraryRows } from './helpers'
import { storeCounty } from './storeCounty'

/** The guide as the app reaches it, and the notice of a new one: once a month, never in quiet hours. */

const OWNER_7 = 'wx-owner-7'
const OWNER_9 = 'wx-owner-9'
const HELPER = 'wx-son-7'
const TIMER_AT = '2026-11-03T09:00:00+08:00'

describe('the guide, its feedback, the profit sheet and the notice of a new guide', () => {
  let dir: string
  let local: LocalHome
  const call = <N extends FunctionName>(def: CallableDef<N>, caller: string, event: EventOf<N>, at = '2026-11-05T10:00:00+08:00') => invokeCallable(def, event, { caller, deps: local.deps(fixedClock(at)) })
  const fire = (at: string) => invokeTimer(monthlyGuide, { caller: null, deps: local.deps(fixedClock(at)) })

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-guidefn-'))
    local = await openLocalHome(dir)
    const db = repos(local.store)
    await storeCounty(local.store, MONTH, COUNTY, CATALOGUE)
    await db.strategies.putMany(checkLibrary(defaultLibraryRows(), KNOWN).strategies.map((s) => ({ _id: s.id, ...s })))
    await db.bindings.putMany([
      { _id: license(7), openId: OWNER_7, boundAt: '2026-01-01T00:00:00+08:00' },
      { _id: license(9), openId: OWNER_9, boundAt: '2026-01-01T00:00:00+08:00' },
    ])
    await db.helpers.put({ _id: `${license(7)}|${HELPER}`, helperId: 'hhhhhhhhhhhhhhh7', licenseNo: license(7), openId: HELPER, kind: 'family', scopes: ['insights'], name: '儿子', addedAt: TIMER_AT, addedAtMs: Date.parse(TIMER_AT) })
  })
  afterEach(() => {
    local.store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the timer at 09:00 on the 3rd builds last month; the owner reads it, a helper with insights too, nobody else', async () => {
    expect(await fire(TIMER_AT)).toMatchObject({ ok: true, data: { month: MONTH, pool: 10, written: 10 } })
    const own = await call(guide, OWNER_7, {})
    expect(own).toMatchObject({ ok: true, data: { month: MONTH, months: [MONTH], retailer: { licenseNo: license(7), shopName: '7号店' }, guide: { licenseNo: license(7), classes: [{ id: 'newRetail' }] }, feedback: {}, reminderConsents: 0 } })
    expect(own.ok && own.data.guide?.strategies.map((s) => s.id)).toEqual(['nr-scanner-fault', 'nr-stockout', 'nr-card-limit'])
    expect(await call(guide, HELPER, { retailer: license(7) })).toMatchObject({ ok: true, data: { retailer: { licenseNo: license(7) } } })
    expect(await call(guide, HELPER, { retailer: license(9) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(guide, OWNER_7, { month: '2026-08' })).toMatchObject({ ok: true, data: { month: '2026-08', guide: null } })
  })

  it('home shows the first strategy, its why and its action', async () => {
    await fire(TIMER_AT)
    const reply = await call(home, OWNER_7, {})
    expect(reply).toMatchObject({
      ok: true,
      data: { guide: { month: MONTH, classes: ['newRetail'], strategy: { id: 'nr-scanner-fault', title: '扫码枪扫不上的处理', action: { kind: 'course', courseId: 'c-scanner-fault' } } } },
    })
  })

  it('stores 有用 / 没用 per user and strategy, the latest verdict winning; refuses a strategy not in the guide', async () => {
    await fire(TIMER_AT)
    expect(await call(guideFeedback, OWNER_7, { month: MONTH, strategyId: 'nr-stockout', verdict: 'notUseful' })).toMatchObject({ ok: true })
    expect(await call(guideFeedback, OWNER_7, { month: MONTH, strategyId: 'nr-stockout', verdict: 'useful' })).toMatchObject({ ok: true, data: { verdict: 'useful' } })
    expect(await call(guideFeedback, HELPER, { month: MONTH, strategyId: 'nr-stockout', verdict: 'notUseful', retailer: license(7) })).toMatchObject({ ok: true })
    expect(await repos(local.store).guideFeedback.count({ month: MONTH })).toBe(2)
    expect(await call(guide, OWNER_7, {})).toMatchObject({ ok: true, data: { feedback: { 'nr-stockout': 'useful' } } })
    expect(await call(guideFeedback, OWNER_7, { month: MONTH, strategyId: 'ks-portrait', verdict: 'useful' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '这条建议不在这个月的经营指导书里' } })
    expect(await call(guideFeedback, OWNER_7, { month: '2026-08', strategyId: 'nr-stockout', verdict: 'useful' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('the profit sheet: last month’s gross profit per SKU, highest first, and in total', async () => {
    await fire(TIMER_AT)
    // R09 sold K1 60000, K3 40000, K2 45000, N2 20000, N1 15000 fen; cost is 90 % of sales here.
    const reply = await call(profitSheet, OWNER_9, {})
    expect(reply).toMatchObject({ ok: true, data: { month: MONTH, packs: 100, salesFen: 180000, grossProfitFen: 18000 } })
    expect(reply.ok && reply.data.skus.map((s) => [s.skuCode, s.grossProfitFen])).toEqual([['K1', 6000], ['K2', 4500], ['K3', 4000], ['N2', 2000], ['N1', 1500]])
  })

  it('tells each bound owner once: on 首页 and in 消息 always, by a subscribe message only with a consent', async () => {
    await call(addConsents, OWNER_9, { templates: ['monthlyGuide'] })
    const report = await fire(TIMER_AT)
    expect(report).toMatchObject({ ok: true, data: { notices: { inboxOnly: 1, sent: 1, failed: 0, deferred: 0 } } })
    const sent = await local.outbox.list()
    expect(sent).toEqual([
      expect.objectContaining({ key: `guide|${license(9)}|${MONTH}`, toOpenId: OWNER_9, template: 'monthlyGuide', page: 'packages/guide/index', data: { thing1: '9号店', thing2: '2026年10月经营建议已生成', thing3: '重点品规卖给谁' } }),
    ])
    expect(await call(inbox, OWNER_7, {})).toMatchObject({ ok: true, data: { guides: [{ month: MONTH, retailer: { licenseNo: license(7) }, strategyTitle: '扫码枪扫不上的处理', messaged: false }] } })
    // Fired again, and rebuilt: nobody is told twice, and the consent spent stays spent.
    await fire('2026-11-03T10:00:00+08:00')
    await call(addConsents, OWNER_7, { templates: ['monthlyGuide'] })
    await fire('2026-11-03T11:00:00+08:00')
    expect(await local.outbox.list()).toHaveLength(1)
    expect(await call(guide, OWNER_9, {})).toMatchObject({ ok: true, data: { reminderConsents: 0 } })
    expect(await call(guide, OWNER_7, {})).toMatchObject({ ok: true, data: { reminderConsents: 1 } })
  })

  it('never in quiet hours: a build at 22:00 tells on 首页 at once and sends the message at 08:00 the next morning', async () => {
    await call(addConsents, OWNER_9, { templates: ['monthlyGuide'] })
    expect(outsideQuietHours(Date.parse('2026-11-03T22:00:00+08:00'))).toBe(Date.parse('2026-11-04T08:00:00+08:00'))
    expect(outsideQuietHours(Date.parse('2026-11-04T07:59:00+08:00'))).toBe(Date.parse('2026-11-04T08:00:00+08:00'))
    expect(outsideQuietHours(Date.parse('2026-11-04T20:59:00+08:00'))).toBe(Date.parse('2026-11-04T20:59:00+08:00'))
    const report = await fire('2026-11-03T22:00:00+08:00')
    expect(report).toMatchObject({ ok: true, data: { notices: { sent: 0, deferred: 1, inboxOnly: 1 } } })
    expect(await call(home, OWNER_9, {})).toMatchObject({ ok: true, data: { guide: { month: MONTH } } })
    expect(await call(inbox, OWNER_9, {})).toMatchObject({ ok: true, data: { guides: [{ month: MONTH, messaged: false }] } })
    const tick = (at: string) => invokeTimer(remindTick, { caller: null, deps: local.deps(fixedClock(at)) })
    expect(await tick('2026-11-04T07:55:00+08:00')).toMatchObject({ ok: true, data: { guideNotices: 0 } })
    expect(await local.outbox.list()).toEqual([])
    expect(await tick('2026-11-04T08:00:00+08:00')).toMatchObject({ ok: true, data: { guideNotices: 1 } })
    expect((await local.outbox.list()).map((m) => [m.toOpenId, m.sentAt])).toEqual([[OWNER_9, '2026-11-04T00:00:00.000Z']])
    expect(await tick('2026-11-04T08:05:00+08:00')).toMatchObject({ ok: true, data: { guideNotices: 0 } })
    expect(await local.outbox.list()).toHaveLength(1)
  })
})
