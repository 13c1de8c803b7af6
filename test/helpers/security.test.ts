import { randomBytes } from 'node:crypto'
import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import createInvite from '../../cloudfunctions/functions/createInvite'
import previewInvite from '../../cloudfunctions/functions/previewInvite'
import acceptInvite from '../../cloudfunctions/functions/acceptInvite'
import listHelpers from '../../cloudfunctions/functions/listHelpers'
import updateHelper from '../../cloudfunctions/functions/updateHelper'
import removeHelper from '../../cloudfunctions/functions/removeHelper'
import myRetailers from '../../cloudfunctions/functions/myRetailers'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import updateReminderSettings from '../../cloudfunctions/functions/updateReminderSettings'
import addConsents from '../../cloudfunctions/functions/addConsents'
import { helperAccess } from '../../cloudfunctions/core/helpers/access'
import { INVITE_CODE_LIMIT } from '../../cloudfunctions/core/helpers/invites'
import type { HelperScope } from '../../cloudfunctions/contracts/vocabulary'

const A = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const B = shop(2, SAT_TO_MON, { shopName: '王记食杂店' })
const AT = '2026-11-23T10:00:00+08:00'
const later = (ms: number) => new Date(Date.parse(AT) + ms).toISOString()

describe('helper security', () => {
  let world: World
  const link = async (owner = 'wx-a', scopes: HelperScope[] = ['remind', 'order']) => {
    const created = await world.ok(createInvite, owner, { via: 'link', kind: 'family', scopes }, AT)
    return created.via === 'link' ? created.token : ''
  }
  const code = async (owner = 'wx-a') => {
    const created = await world.ok(createInvite, owner, { via: 'code', kind: 'family', scopes: ['remind'] }, AT)
    return created.via === 'code' ? created.code : ''
  }
  const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'OK' : reply.error?.code)
  beforeEach(async () => {
    world = await openWorld([
      { retailer: A, owner: 'wx-a' },
      { retailer: B, owner: 'wx-b' },
    ])
  })
  afterEach(() => world.close())

  it('rejects forged, expired, reused and wrong-retailer tokens, each with its own code, and adds no helper', async () => {
    const forged = randomBytes(32).toString('base64url')
    const expiring = await link()
    const reused = await link()
    const others = await link('wx-b')
    expect(codeOf(await world.call(acceptInvite, 'wx-x', { token: reused, retailer: A.licenseNo }, AT))).toBe('OK')
    const codes = [
      codeOf(await world.call(acceptInvite, 'wx-y', { token: forged, retailer: A.licenseNo }, AT)),
      codeOf(await world.call(acceptInvite, 'wx-y', { token: expiring, retailer: A.licenseNo }, later(24 * 3600_000))),
      codeOf(await world.call(acceptInvite, 'wx-y', { token: reused, retailer: A.licenseNo }, AT)),
      codeOf(await world.call(acceptInvite, 'wx-y', { token: others, retailer: A.licenseNo }, AT)),
    ]
    expect(codes).toEqual(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_USED', 'TOKEN_WRONG_RETAILER'])
    expect(codeOf(await world.call(previewInvite, 'wx-y', { token: forged }, AT))).toBe('TOKEN_INVALID')
    expect(codeOf(await world.call(previewInvite, 'wx-y', { token: expiring }, later(24 * 3600_000)))).toBe('TOKEN_EXPIRED')
    expect(await world.db.helpers.find({ openId: 'wx-y' })).toEqual([])
    // An invite is valid until the last millisecond of its 24 hours.
    expect(codeOf(await world.call(acceptInvite, 'wx-y', { token: expiring, retailer: A.licenseNo }, later(24 * 3600_000 - 1)))).toBe('OK')
  })

  it('expires a code after 10 minutes and allows 5 wrong tries per caller per hour, then refuses even the right code', async () => {
    const right = await code()
    expect(codeOf(await world.call(acceptInvite, 'wx-z', { code: right, retailer: A.licenseNo }, later(10 * 60_000)))).toBe('TOKEN_EXPIRED')
    const fresh = await code()
    const wrong = fresh === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'
    for (let i = 1; i < INVITE_CODE_LIMIT.perCaller; i++) {
      expect(codeOf(await world.call(previewInvite, 'wx-guess', { code: wrong }, AT))).toBe('TOKEN_INVALID')
    }
    expect(codeOf(await world.call(acceptInvite, 'wx-guess', { code: right, retailer: A.licenseNo }, later(10 * 60_000)))).toBe('TOKEN_EXPIRED') // the fifth wrong try
    expect(codeOf(await world.call(acceptInvite, 'wx-guess', { code: fresh, retailer: A.licenseNo }, AT))).toBe('RATE_LIMITED')
    expect(codeOf(await world.call(acceptInvite, 'wx-other', { code: fresh, retailer: A.licenseNo }, AT))).toBe('OK')
    expect(await world.db.helpers.find({ openId: 'wx-guess' })).toEqual([])
  })

  it('cuts a removed helper off at once: no order marking, no shop list, no summary, no escalation', async () => {
    await world.ok(acceptInvite, 'wx-son', { token: await link('wx-a', ['remind', 'order', 'insights']), retailer: A.licenseNo }, AT)
    await world.ok(addConsents, 'wx-son', { templates: ['orderReminder'] }, AT)
    await world.ok(addConsents, 'wx-a', { templates: ['orderReminder'] }, AT)
    await world.ok(updateReminderSettings, 'wx-a', { enabled: true }, AT)
    const [{ helperId }] = (await world.ok(listHelpers, 'wx-a', {}, AT)).helpers
    await world.ok(removeHelper, 'wx-a', { helperId }, AT)
    expect(codeOf(await world.call(markOrdered, 'wx-son', { retailer: A.licenseNo }, AT))).toBe('FORBIDDEN')
    await expect(helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await world.ok(myRetailers, 'wx-son', {}, AT)).retailers).toEqual([])
    await world.tick('2026-11-23T14:00:00+08:00')
    expect((await world.local.outbox.list()).map((m) => m.toOpenId)).toEqual(['wx-a'])
  })

  it('gives a helper without `insights` FORBIDDEN from the summary’s access check', async () => {
    await world.ok(acceptInvite, 'wx-son', { token: await link('wx-a', ['remind', 'order']), retailer: A.licenseNo }, AT)
    await expect(helperAccess(world.db, 'wx-son', A.licenseNo, 'insights')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(helperAccess(world.db, 'wx-son', A.licenseNo, 'order')).resolves.toMatchObject({ licenseNo: A.licenseNo })
    await expect(helperAccess(world.db, 'wx-son', B.licenseNo, 'order')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('makes nobody a helper without a valid invite, and no owner their own helper', async () => {
    expect(codeOf(await world.call(acceptInvite, 'wx-x', { token: randomBytes(16).toString('base64url'), retailer: A.licenseNo }, AT))).toBe('TOKEN_INVALID')
    expect(codeOf(await world.call(createInvite, 'wx-x', { via: 'link', kind: 'family', scopes: ['remind'] }, AT))).toBe('NOT_BOUND')
    const own = await link()
    expect(codeOf(await world.call(acceptInvite, 'wx-a', { token: own, retailer: A.licenseNo }, AT))).toBe('CONFLICT')
    expect(codeOf(await world.call(acceptInvite, 'wx-b', { token: own, retailer: A.licenseNo }, AT))).toBe('OK') // another shop's owner may help
    expect(await world.db.helpers.count({})).toBe(1)
  })

  it('refuses events with unknown fields, including ids meant to change who acts', async () => {
    const token = await link()
    const bad: [typeof acceptInvite | typeof markOrdered | typeof createInvite | typeof updateHelper, unknown][] = [
      [acceptInvite, { token, retailer: A.licenseNo, openId: 'wx-a' }],
      [acceptInvite, { token, code: 'ABCDEF', retailer: A.licenseNo }],
      [markOrdered, { retailer: A.licenseNo, source: 'import' }],
      [createInvite, { via: 'link', kind: 'family', scopes: ['remind'], licenseNo: B.licenseNo }],
      [createInvite, { via: 'link', kind: 'family', scopes: ['admin'] }],
      [updateHelper, { helperId: 'aaaaaaaaaaaaaaaa', scopes: ['remind'], licenseNo: A.licenseNo }],
    ]
    for (const [def, event] of bad) {
      expect(await world.call(def as typeof markOrdered, 'wx-a', event as never, AT)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(await world.db.helpers.count({})).toBe(0)
    expect(await world.db.orders.count({})).toBe(0)
  })

  it('keeps a caller to their own shop whatever ids the event carries', async () => {
    await world.ok(acceptInvite, 'wx-son', { token: await link('wx-a', ['remind', 'order']), retailer: A.licenseNo }, AT)
    const [{ helperId }] = (await world.ok(listHelpers, 'wx-a', {}, AT)).helpers
    // B's owner names A's helper: as far as B's shop is concerned, there is no such helper.
    expect(codeOf(await world.call(updateHelper, 'wx-b', { helperId, scopes: ['remind', 'order', 'insights'] }, AT))).toBe('NOT_FOUND')
    expect(codeOf(await world.call(removeHelper, 'wx-b', { helperId }, AT))).toBe('NOT_FOUND')
    // The helper cannot widen their own scopes or act for a shop they do not help.
    expect(codeOf(await world.call(updateHelper, 'wx-son', { helperId, scopes: ['insights'] }, AT))).toBe('NOT_BOUND')
    expect(codeOf(await world.call(markOrdered, 'wx-son', { retailer: B.licenseNo }, AT))).toBe('FORBIDDEN')
    expect(codeOf(await world.call(markOrdered, 'wx-b', { retailer: A.licenseNo }, AT))).toBe('FORBIDDEN')
    expect(await world.db.helpers.find({})).toEqual([expect.objectContaining({ openId: 'wx-son', scopes: ['remind', 'order'] })])
    expect(await world.db.orders.count({})).toBe(0)
  })
})
