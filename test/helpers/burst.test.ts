import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import createInvite from '../../cloudfunctions/functions/createInvite'
import previewInvite from '../../cloudfunctions/functions/previewInvite'
import acceptInvite from '../../cloudfunctions/functions/acceptInvite'
import bindRetailer from '../../cloudfunctions/functions/bindRetailer'
import { invokeCallable } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { INVITE_CODE_LIMIT } from '../../cloudfunctions/core/helpers/invites'
import { BIND_LIMIT } from '../../cloudfunctions/core/binding'
import { counterId } from '../../cloudfunctions/core/rateLimit'

const A = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const UNBOUND = shop(2, SAT_TO_MON, { shopName: '王记食杂店' })
const AT = '2026-11-23T10:00:00+08:00'
const BURST = 1000

const tally = (replies: readonly { ok: boolean; error?: { code: string } }[]) => {
  const counts: Record<string, number> = {}
  for (const r of replies) counts[r.ok ? 'OK' : (r.error?.code ?? '?')] = (counts[r.ok ? 'OK' : (r.error?.code ?? '?')] ?? 0) + 1
  return counts
}

describe('rate limits under a burst (the real SQLite store)', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([{ retailer: A, owner: 'wx-a' }, { retailer: UNBOUND }])
  })
  afterEach(() => world.close())

  it(`checks at most ${INVITE_CODE_LIMIT.perCaller} of ${BURST} simultaneous invite-code guesses from one caller`, async () => {
    const codes = Array.from({ length: BURST }, (_, i) => `AAA${'ABCDEFGHJK'[Math.floor(i / 100)]}${'ABCDEFGHJK'[Math.floor(i / 10) % 10]}${'ABCDEFGHJK'[i % 10]}`)
    const replies = await Promise.all(codes.map((code) => world.call(previewInvite, 'wx-guess', { code }, AT)))
    expect(tally(replies)).toEqual({ TOKEN_INVALID: INVITE_CODE_LIMIT.perCaller, RATE_LIMITED: BURST - INVITE_CODE_LIMIT.perCaller })
    // The refused tries gave their counts back: the hour holds exactly the checked ones.
    const counter = await world.db.counters.get(counterId(INVITE_CODE_LIMIT, 'caller:wx-guess', Date.parse(AT)))
    expect(counter?.count).toBe(INVITE_CODE_LIMIT.perCaller)
  })

  it(`checks at most ${INVITE_CODE_LIMIT.perTarget} of ${BURST} simultaneous tries of one invite from many callers`, async () => {
    const created = await world.ok(createInvite, 'wx-a', { via: 'code', kind: 'family', scopes: ['remind'] }, AT)
    const code = created.via === 'code' ? created.code : ''
    // Another shop's licence: every try is TOKEN_WRONG_RETAILER, a failure against this invite.
    const replies = await Promise.all(
      Array.from({ length: BURST }, (_, i) => world.call(acceptInvite, `wx-${i}`, { code, retailer: UNBOUND.licenseNo }, AT)),
    )
    expect(tally(replies)).toEqual({ TOKEN_WRONG_RETAILER: INVITE_CODE_LIMIT.perTarget, RATE_LIMITED: BURST - INVITE_CODE_LIMIT.perTarget })
    expect(await world.db.helpers.count({})).toBe(0)
  })

  it(`checks at most ${BIND_LIMIT.perCaller} of ${BURST} simultaneous bindRetailer attempts from one caller, and ${BIND_LIMIT.perTarget} on one licence from many`, async () => {
    let phoneChecks = 0
    const deps = () => {
      const base = world.local.deps(fixedClock(AT))
      return { ...base, phones: { phoneFromCode: async (code: string) => (phoneChecks++, code) } }
    }
    const bind = (caller: string, phoneCode: string) => invokeCallable(bindRetailer, { licenseNo: UNBOUND.licenseNo, phoneCode }, { caller, deps: deps() })

    const fromOne = await Promise.all(Array.from({ length: BURST }, (_, i) => bind('wx-guess', `1380000${String(i).padStart(4, '0')}`)))
    expect(tally(fromOne)).toEqual({ NOT_FOUND: BIND_LIMIT.perCaller, RATE_LIMITED: BURST - BIND_LIMIT.perCaller })
    expect(phoneChecks).toBe(BIND_LIMIT.perCaller)

    phoneChecks = 0
    const fromMany = await Promise.all(Array.from({ length: BURST }, (_, i) => bind(`wx-${i}`, `1370000${String(i).padStart(4, '0')}`)))
    // The licence already took perCaller failures from wx-guess this hour.
    expect(tally(fromMany)).toEqual({ NOT_FOUND: BIND_LIMIT.perTarget - BIND_LIMIT.perCaller, RATE_LIMITED: BURST - (BIND_LIMIT.perTarget - BIND_LIMIT.perCaller) })
    expect(phoneChecks).toBe(BIND_LIMIT.perTarget - BIND_LIMIT.perCaller)
    expect(await world.db.bindings.get(UNBOUND.licenseNo)).toBeNull()
  })

  it('gives a successful try back: a right code after four wrong ones leaves the caller four', async () => {
    const created = await world.ok(createInvite, 'wx-a', { via: 'code', kind: 'family', scopes: ['remind'] }, AT)
    const code = created.via === 'code' ? created.code : ''
    for (let i = 0; i < 4; i++) await world.call(previewInvite, 'wx-h', { code: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' }, AT)
    expect((await world.call(previewInvite, 'wx-h', { code }, AT)).ok).toBe(true)
    expect((await world.call(acceptInvite, 'wx-h', { code, retailer: A.licenseNo }, AT)).ok).toBe(true)
    expect((await world.db.counters.get(counterId(INVITE_CODE_LIMIT, 'caller:wx-h', Date.parse(AT))))?.count).toBe(4)
  })
})
