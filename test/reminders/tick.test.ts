import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import { invokeTimer } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import remindTick from '../../cloudfunctions/functions/remindTick'
import updateReminderSettings from '../../cloudfunctions/functions/updateReminderSettings'
import addConsents from '../../cloudfunctions/functions/addConsents'
import markOrdered from '../../cloudfunctions/functions/markOrdered'
import inbox from '../../cloudfunctions/functions/inbox'
import home from '../../cloudfunctions/functions/home'
import type { Helper } from '../../cloudfunctions/core/model'
import type { Notifier, SendOutcome, SubscribeMessage } from '../../cloudfunctions/core/ports'
import type { RemindTickReport } from '../../cloudfunctions/contracts'
import { OUTCOME_WORDS, reminderTitle } from '../../cloudfunctions/words/reminders'

const SHOP = shop(1, SAT_TO_MON, { shopName: '福满便利店' })
const SET_UP = '2026-11-20T10:00:00+08:00' // Friday, before the window of Sat 21 → Mon 23 November
const son: Helper = {
  _id: `${SHOP.licenseNo}|wx-son`,
  helperId: 'son0000000000000',
  licenseNo: SHOP.licenseNo,
  openId: 'wx-son',
  kind: 'family',
  scopes: ['remind', 'order'],
  name: '儿子',
  addedAt: '2026-11-01T00:00:00.000Z',
  addedAtMs: Date.parse('2026-11-01T00:00:00Z'),
}

/** Outbox entries as [recipient, ISO time sent (China)], oldest first. */
const sent = async (world: World) =>
  (await world.local.outbox.list())
    .reverse()
    .map((m) => [m.toOpenId, new Date(Date.parse(m.sentAt) + 8 * 3600_000).toISOString().slice(0, 16)])

const tickAll = async (world: World, instants: string[]) => {
  for (const at of instants) expect(await world.tick(at)).toMatchObject({ ok: true })
}

describe('the reminder timer', () => {
  let world: World
  const consent = async (who: string, times: number) => {
    for (let i = 0; i < times; i++) await world.ok(addConsents, who, { templates: ['orderReminder'] }, SET_UP)
  }
  beforeEach(async () => {
    world = await openWorld([{ retailer: SHOP, owner: 'wx-owner' }])
    await world.db.helpers.put(son)
    await consent('wx-owner', 5)
    await consent('wx-son', 2)
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: true }, SET_UP)
  })
  afterEach(() => world.close())

  it('reminds a shop closing Monday 16:00 at Saturday 12:00, Monday 12:00 and 14:00 — once each, however often it fires — and the helper at 14:00', async () => {
    await tickAll(world, [
      '2026-11-21T11:55:00+08:00',
      '2026-11-21T12:00:00+08:00',
      '2026-11-21T12:00:00+08:00', // the same instant again, as a retried run would
      '2026-11-21T12:05:00+08:00',
      '2026-11-23T11:55:00+08:00',
      '2026-11-23T12:00:00+08:00',
      '2026-11-23T12:05:00+08:00',
      '2026-11-23T14:00:00+08:00',
      '2026-11-23T14:05:00+08:00',
      '2026-11-23T16:00:00+08:00',
    ])
    expect(await sent(world)).toEqual([
      ['wx-owner', '2026-11-21T12:00'],
      ['wx-owner', '2026-11-23T12:00'],
      ['wx-owner', '2026-11-23T14:00'],
      ['wx-son', '2026-11-23T14:00'],
    ])
    const [toSon, toOwner] = await world.local.outbox.list()
    expect(toOwner).toMatchObject({ template: 'orderReminder', page: 'pages/index/index', data: { thing1: '福满便利店', time2: '2026年11月23日 16:00', thing3: '订货即将截止，还剩2小时' } })
    expect(toSon).toMatchObject({ page: `pages/index/index?retailer=${SHOP.licenseNo}`, data: { thing3: '家人还未订货，还剩2小时' } })
  })

  it('sends nothing more in a cycle once the shop has ordered, and does not escalate', async () => {
    await tickAll(world, ['2026-11-21T12:00:00+08:00'])
    await world.ok(markOrdered, 'wx-owner', {}, '2026-11-23T09:00:00+08:00')
    const report = await world.tick('2026-11-23T12:00:00+08:00')
    expect(report).toMatchObject({ ok: true, data: { schedules: 1, sent: 0, alreadyOrdered: 1 } })
    await tickAll(world, ['2026-11-23T14:00:00+08:00', '2026-11-28T12:00:00+08:00'])
    expect(await sent(world)).toEqual([
      ['wx-owner', '2026-11-21T12:00'],
      ['wx-owner', '2026-11-28T12:00'], // the next cycle starts afresh
    ])
  })

  it('after a gap sends only the latest reminder still due while the window is open, and records the skipped one as missed', async () => {
    await tickAll(world, ['2026-11-21T12:00:00+08:00'])
    expect(await world.tick('2026-11-23T14:03:00+08:00')).toMatchObject({ ok: true, data: { sent: 1, escalated: 1, missed: 1 } })
    expect(await sent(world)).toEqual([
      ['wx-owner', '2026-11-21T12:00'],
      ['wx-owner', '2026-11-23T14:03'],
      ['wx-son', '2026-11-23T14:03'],
    ])
    const list = await world.ok(inbox, 'wx-owner', {}, '2026-11-23T14:10:00+08:00')
    expect(list.entries.map((m) => [reminderTitle(m), m.dueAt, m.at, OUTCOME_WORDS[m.outcome]])).toEqual([
      ['截止前 2 小时提醒', '2026-11-23T14:00:00+08:00', '2026-11-23T14:03:00+08:00', '已发送'],
      ['截止日中午提醒', '2026-11-23T12:00:00+08:00', '2026-11-23T14:03:00+08:00', '未发送：已错过提醒时间'],
      ['订货开始提醒', '2026-11-21T12:00:00+08:00', '2026-11-21T12:00:00+08:00', '已发送'],
    ])
    expect((await world.ok(inbox, 'wx-son', {}, '2026-11-23T14:10:00+08:00')).entries).toEqual([
      expect.objectContaining({ role: 'helper', offset: 'twoHoursBefore', retailer: { licenseNo: SHOP.licenseNo, shopName: '福满便利店' }, outcome: 'sent' }),
    ])
  })

  it('records reminders as missed, sending nothing, when the timer comes back after the close', async () => {
    await tickAll(world, ['2026-11-21T12:00:00+08:00'])
    expect(await world.tick('2026-11-23T16:30:00+08:00')).toMatchObject({ ok: true, data: { sent: 0, escalated: 0, missed: 3 } })
    expect(await sent(world)).toEqual([['wx-owner', '2026-11-21T12:00']])
    const outcomes = await world.db.reminderSlots.find({}, { sort: { _id: 1 } })
    expect(outcomes.map((s) => [s.offset, s.recipient, s.outcome])).toEqual([
      ['atOpen', 'wx-owner', 'sent'],
      ['closingDayNoon', 'wx-owner', 'missed'],
      ['twoHoursBefore', 'wx-owner', 'missed'],
      ['twoHoursBefore', 'wx-son', 'missed'],
    ])
  })

  it('spends one consent per message; with none left it records noConsent and the home page says 提醒次数已用完 until more are added', async () => {
    await world.db.consents.update({ _id: 'wx-owner|orderReminder' }, { granted: 1 })
    expect((await world.ok(home, 'wx-owner', {}, SET_UP)).reminders).toEqual({ enabled: true, left: 1, exhausted: false, templateId: null, perWeek: 3 })
    await tickAll(world, ['2026-11-21T12:00:00+08:00'])
    expect((await world.ok(home, 'wx-owner', {}, '2026-11-21T12:01:00+08:00')).reminders).toEqual({ enabled: true, left: 0, exhausted: true, templateId: null, perWeek: 3 })
    expect(await world.tick('2026-11-23T12:00:00+08:00')).toMatchObject({ ok: true, data: { sent: 0, noConsent: 1 } })
    expect(await world.ok(addConsents, 'wx-owner', { templates: ['orderReminder'] }, '2026-11-23T12:30:00+08:00')).toEqual({ template: 'orderReminder', left: 1, templateId: null })
    await tickAll(world, ['2026-11-23T14:00:00+08:00'])
    expect((await sent(world)).filter(([to]) => to === 'wx-owner')).toEqual([
      ['wx-owner', '2026-11-21T12:00'],
      ['wx-owner', '2026-11-23T14:00'],
    ])
    const noon = await world.db.reminderSlots.get(`${SHOP.licenseNo}|2026-11-23|closingDayNoon|wx-owner`)
    expect(noon).toMatchObject({ state: 'done', outcome: 'noConsent', charged: false })
  })

  it('follows WeChat when it answers 43101 (no consent): records it, writes our count down to 0, and the home page says 提醒次数已用完', async () => {
    const wechatSaysNoConsent: Notifier = { send: async () => ({ ok: false, reason: 'NO_CONSENT' }) }
    const reply = await invokeTimer(remindTick, { caller: null, deps: { ...world.local.deps(fixedClock('2026-11-21T12:00:00+08:00')), notifier: wechatSaysNoConsent } })
    expect(reply).toMatchObject({ ok: true, data: { noConsent: 1, sent: 0 } })
    expect((await world.ok(home, 'wx-owner', {}, '2026-11-21T12:01:00+08:00')).reminders).toEqual({ enabled: true, left: 0, exhausted: true, templateId: null, perWeek: 3 })
    expect((await world.ok(inbox, 'wx-owner', {}, '2026-11-21T12:01:00+08:00')).entries[0]).toMatchObject({ outcome: 'noConsent' })
  })

  it('retries a send WeChat refused for another reason at the next ticks, three attempts at most, spending one consent', async () => {
    const calls: SubscribeMessage[] = []
    const flaky = (failures: number): Notifier => ({
      send: async (message): Promise<SendOutcome> => {
        calls.push(message)
        return calls.length <= failures ? { ok: false, reason: 'FAILED', detail: 'errCode -1' } : { ok: true }
      },
    })
    const fire = (at: string, notifier: Notifier) => invokeTimer(remindTick, { caller: null, deps: { ...world.local.deps(fixedClock(at)), notifier } })
    expect(await fire('2026-11-21T12:00:00+08:00', flaky(2))).toMatchObject({ data: { retrying: 1, sent: 0 } })
    expect(await fire('2026-11-21T12:05:00+08:00', flaky(2))).toMatchObject({ data: { retrying: 1, sent: 0 } })
    expect(await fire('2026-11-21T12:10:00+08:00', flaky(2))).toMatchObject({ data: { sent: 1 } })
    expect(await fire('2026-11-21T12:15:00+08:00', flaky(2))).toMatchObject({ data: { schedules: 0 } })
    expect(calls.map((m) => m.key)).toEqual(Array(3).fill(`${SHOP.licenseNo}|2026-11-23|atOpen|wx-owner`))
    expect((await world.ok(home, 'wx-owner', {}, '2026-11-21T12:20:00+08:00')).reminders.left).toBe(4)

    const slot = await world.db.reminderSlots.get(calls[0].key)
    expect(slot).toMatchObject({ outcome: 'sent', attempts: 2 })
    // A send that keeps failing is recorded as failed after three attempts.
    calls.length = 0
    for (const at of ['2026-11-23T12:00:00+08:00', '2026-11-23T12:05:00+08:00', '2026-11-23T12:10:00+08:00', '2026-11-23T12:15:00+08:00']) await fire(at, flaky(99))
    expect(calls).toHaveLength(3)
    expect(await world.db.reminderSlots.get(`${SHOP.licenseNo}|2026-11-23|closingDayNoon|wx-owner`)).toMatchObject({ outcome: 'failed', charged: false })
  })

  it('sends each slot once even when two runs fire at the same instant over a notifier that cannot dedupe', async () => {
    const calls: string[] = []
    const wechat: Notifier = { send: async (m) => (calls.push(`${m.key}`), { ok: true }) }
    const fire = (at: string) => invokeTimer(remindTick, { caller: null, deps: { ...world.local.deps(fixedClock(at)), notifier: wechat } })
    const reports = await Promise.all([fire('2026-11-23T14:00:00+08:00'), fire('2026-11-23T14:00:00+08:00'), fire('2026-11-23T14:00:00+08:00')])
    expect(calls.sort()).toEqual([`${SHOP.licenseNo}|2026-11-23|twoHoursBefore|wx-owner`, `${SHOP.licenseNo}|2026-11-23|twoHoursBefore|wx-son`])
    const total = (key: keyof RemindTickReport) => reports.reduce((n, r) => n + (r.ok ? (r.data as RemindTickReport)[key] : 0), 0)
    expect([total('sent'), total('escalated')]).toEqual([1, 1])
  })

  it('resolves a slot a crashed run claimed: re-sent with its key to the outbox, counted as sent (never re-sent) over WeChat', async () => {
    // What a run killed between claiming and recording leaves behind: a claimed slot, in flight since 12:00.
    const key = `${SHOP.licenseNo}|2026-11-23|atOpen|wx-owner`
    const crashed = async () => {
      await world.db.reminderSlots.put({
        _id: key, licenseNo: SHOP.licenseNo, cycleId: '2026-11-23', offset: 'atOpen', recipient: 'wx-owner', role: 'owner', template: 'orderReminder',
        dueAt: Date.parse('2026-11-21T12:00:00+08:00'), closesAt: Date.parse('2026-11-23T16:00:00+08:00'), state: 'claimed', charged: true, attempts: 0, claimedAt: '2026-11-21T04:00:00.000Z', sendingSince: Date.parse('2026-11-21T12:00:00+08:00'),
      })
    }
    await crashed()
    const calls: string[] = []
    const wechat: Notifier = { send: async (m) => (calls.push(m.key), { ok: true }) }
    const reply = await invokeTimer(remindTick, { caller: null, deps: { ...world.local.deps(fixedClock('2026-11-21T12:05:00+08:00')), notifier: wechat } })
    expect(calls).toEqual([]) // WeChat may already have it: at most once
    expect(reply).toMatchObject({ ok: true, data: { sent: 1, reconciled: 1 } }) // reported, not silently counted
    expect(await world.db.reminderSlots.get(key)).toMatchObject({ state: 'done', outcome: 'sent', assumed: true, charged: true })

    // The same crash on the local host: the outbox dedupes by key, so re-sending makes it exactly once.
    await world.db.reminderSlots.remove({})
    await world.db.reminderSchedules.update({ _id: SHOP.licenseNo }, { cursor: Date.parse(SET_UP), nextFireAt: 0 })
    await crashed()
    await world.local.outbox.notifier(fixedClock('2026-11-21T12:00:00+08:00')).send({ key, toOpenId: 'wx-owner', page: 'pages/index/index', content: { template: 'orderReminder', shopName: SHOP.shopName, closesAt: 0, role: 'owner', offset: 'atOpen', msLeft: 0 } })
    await tickAll(world, ['2026-11-21T12:05:00+08:00'])
    expect(await sent(world)).toEqual([['wx-owner', '2026-11-21T12:00']])
    expect(await world.db.reminderSlots.get(key)).toMatchObject({ state: 'done', outcome: 'sent' })
  })

  it('keeps every field within WeChat’s limits for a long shop name', async () => {
    await world.db.retailers.update({ _id: SHOP.licenseNo }, { shopName: '长泰县武安镇城关一片福满便利店（新华路老街口分店）' })
    await tickAll(world, ['2026-11-21T12:00:00+08:00'])
    const [message] = await world.local.outbox.list()
    expect(message.data).toEqual({ thing1: '长泰县武安镇城关一片福满便利店（新华路…', time2: '2026年11月23日 16:00', thing3: '本周订货已开始，2天4小时后截止' })
    expect(Array.from(message.data.thing1)).toHaveLength(20)
  })

  it('turning a reminder off or reminders off altogether stops those messages', async () => {
    await world.ok(updateReminderSettings, 'wx-owner', { offsets: { atOpen: false } }, SET_UP)
    await tickAll(world, ['2026-11-21T12:00:00+08:00', '2026-11-23T12:00:00+08:00'])
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: false }, '2026-11-23T13:00:00+08:00')
    await tickAll(world, ['2026-11-23T14:00:00+08:00'])
    expect(await sent(world)).toEqual([['wx-owner', '2026-11-23T12:00']])
    expect(await world.db.reminderSchedules.get(SHOP.licenseNo)).toMatchObject({ enabled: false, nextFireAt: null })
  })

  it('turned on after a reminder’s time, sends nothing late for it', async () => {
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: false }, SET_UP)
    await world.ok(updateReminderSettings, 'wx-owner', { enabled: true }, '2026-11-23T13:00:00+08:00')
    await tickAll(world, ['2026-11-23T13:05:00+08:00', '2026-11-23T14:00:00+08:00'])
    expect(await sent(world)).toEqual([
      ['wx-owner', '2026-11-23T14:00'],
      ['wx-son', '2026-11-23T14:00'],
    ])
  })
})
