import fc from 'fast-check'
import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import createInvite from '../../cloudfunctions/functions/createInvite'
import acceptInvite from '../../cloudfunctions/functions/acceptInvite'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import helperLog from '../../cloudfunctions/functions/helperLog'
import { logHelperAction, HELPER_LOG_LIMIT } from '../../cloudfunctions/core/helpers/log'
import { helperAccess } from '../../cloudfunctions/core/helpers/access'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { events } from '../../cloudfunctions/contracts/events'
import { normalName } from '../../cloudfunctions/contracts/names'
import { helperLogLine } from '../../cloudfunctions/words/helpers'
import * as invites from '../../cloudfunctions/core/helpers/invites'

const A = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const AT = '2026-11-23T10:00:00+08:00'
const later = (ms: number) => new Date(Date.parse(AT) + ms).toISOString()

describe('the helper log keeps what changed things and counts what only looked', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([{ retailer: A, owner: 'wx-a' }])
  })
  afterEach(() => world.close())

  it('keeps the order a helper marked after 10,000 summary views, which are one entry per day with their count', async () => {
    const created = await world.ok(createInvite, 'wx-a', { via: 'link', kind: 'family', scopes: ['order', 'insights'] }, AT)
    await world.ok(acceptInvite, 'wx-son', { token: created.via === 'link' ? created.token : '', retailer: A.licenseNo, name: '林小燕' }, AT)
    await world.ok(markOrdered, 'wx-son', { retailer: A.licenseNo }, later(3600_000))
    const helper = await helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')
    // 10,000 views over the afternoon of the 23rd (China time), then 3 on the 24th.
    for (let i = 0; i < 10_000; i++) await logHelperAction(world.local.deps(fixedClock(later(2 * 3600_000 + i * 1000))), helper, 'viewSummary')
    for (let i = 0; i < 3; i++) await logHelperAction(world.local.deps(fixedClock(later(24 * 3600_000 + i))), helper, 'viewSummary')
    const { entries } = await world.ok(helperLog, 'wx-a', {}, later(25 * 3600_000))
    expect(entries.map((e) => [e.at, e.action, e.views])).toEqual([
      ['2026-11-24T10:00:00+08:00', 'viewSummary', 3],
      ['2026-11-23T12:00:00+08:00', 'viewSummary', 10_000],
      ['2026-11-23T11:00:00+08:00', 'markOrdered', undefined],
      ['2026-11-23T10:00:00+08:00', 'accept', undefined],
    ])
    expect(entries.length).toBeLessThan(HELPER_LOG_LIMIT)
    expect(helperLogLine(entries[1])).toBe('林小燕查看了经营数据（当天 10000 次）')
    expect(helperLogLine(entries[2])).toBe('林小燕代为标记了已订货')
    expect(await world.db.helperLog.count({})).toBe(4)
  })

  it('stores a helper name normalised (NFC) and refuses control, bidi and zero-width characters, before any invite is spent', async () => {
    const link = async () => {
      const created = await world.ok(createInvite, 'wx-a', { via: 'link', kind: 'family', scopes: ['remind'] }, AT)
      return created.via === 'link' ? created.token : ''
    }
    const decomposed = '林小燕e\u0301'
    await world.ok(acceptInvite, 'wx-1', { token: await link(), retailer: A.licenseNo, name: ` ${decomposed} ` }, AT)
    expect((await world.db.helpers.find({ openId: 'wx-1' }))[0].name).toBe('林小燕é')
    for (const bad of ['林\u0000燕', '林\u202E燕', '林\u200B燕', '林\u2066燕', '\uD800林', '林\uFEFF', '林\u2028燕']) {
      const token = await link()
      const reply = await world.call(acceptInvite, 'wx-2', { token, retailer: A.licenseNo, name: bad }, AT)
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect((await world.db.invites.find({ usedBy: 'wx-2' })).length).toBe(0)
    }
    // The core refuses the same names when called without the schema.
    const token = await link()
    await expect(invites.acceptInvite(world.local.deps(fixedClock(AT)), 'wx-3', { token }, A.licenseNo, '林\u202E燕')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', reason: 'badName' })
  })

  it('accepts exactly the names whose every character is text, in the schema and in the core alike', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), (raw) => {
        const parsed = events.acceptInvite.safeParse({ token: 'a'.repeat(43), retailer: A.licenseNo, name: raw })
        const name = normalName(raw)
        if (name === null) expect(parsed.success).toBe(false)
        if (parsed.success) {
          expect(parsed.data.name).toBe(name)
          expect(parsed.data.name).toBe(parsed.data.name?.normalize('NFC'))
          expect(/[\p{Cc}\p{Cf}\p{Cs}]/u.test(parsed.data.name ?? '')).toBe(false)
        }
      }),
      { numRuns: 500 },
    )
  })
})
