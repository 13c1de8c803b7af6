import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudMain, type Platform } from '../../cloudfunctions/host/cloud'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { localPhones } from '../../cloudfunctions/adapters/local/phones'
import { nodeTokens } from '../../cloudfunctions/adapters/node/tokens'
import { timer } from '../../cloudfunctions/functions/define'
import bindRetailer from '../../cloudfunctions/functions/bindRetailer'
import home from '../../cloudfunctions/functions/home'
import { repos } from '../../cloudfunctions/core/repos'
import type { Retailer } from '../../cloudfunctions/core/model'
import type { Deps, SubscribeMessage } from '../../cloudfunctions/core/ports'

/**
 * The cloud entry with the platform injected: the caller is whatever the platform says, the store
 * is the real embedded store in a temp dir. Nothing in the event can change who is calling.
 */
const shop = (licenseNo: string, shopName: string, phone: string): Retailer => ({
  _id: licenseNo,
  licenseNo,
  shopName,
  ownerName: '林志明',
  phone,
  businessType: '便利店',
  areaType: '城镇',
  district: '城关一片',
  grade: 18,
  integrityScore: 92,
  monthlyQuotaCartons: 80,
  orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' },
  manager: { name: '陈经理', phone: '13900000001' },
})

describe('the CloudBase entry (cloudMain) with an injected platform', () => {
  let dir: string
  let deps: Deps
  const sent: SubscribeMessage[] = []
  /** A platform that vouches for `caller` (null: a timer trigger or a console test). */
  const platform = (caller: string | null): Platform => ({ callerOf: () => caller, deps: () => deps })

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shopmate-runtime-'))
    const store = await new SqliteStore(dir).open()
    deps = {
      store,
      clock: fixedClock('2026-11-23T10:00:00+08:00'),
      notifier: { send: async (message) => (sent.push(message), { ok: true }) },
      phones: localPhones,
      tokens: nodeTokens,
    }
    const db = repos(store)
    await db.retailers.putMany([shop('350625100001', '福满便利店', '13800000001'), shop('350625100006', '岩溪小卖部', '13800000006')])
    await db.bindings.put({ _id: '350625100001', openId: 'o-owner', boundAt: '2026-11-01T09:00:00+08:00' })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('answers for the platform caller, ignoring the userInfo wx.cloud.callFunction adds', async () => {
    const reply = await cloudMain(home, platform('o-owner'))({ userInfo: { appId: 'wx0000000000000000', openId: 'o-owner' } }, {})
    expect(reply).toMatchObject({ ok: true, data: { shop: { licenseNo: '350625100001', shopName: '福满便利店' } } })
  })

  it('does not take the caller from a forged userInfo.openId', async () => {
    const reply = await cloudMain(home, platform('o-stranger'))({ userInfo: { appId: 'wx0000000000000000', openId: 'o-owner' } }, {})
    expect(reply).toEqual({ ok: false, error: { code: 'NOT_BOUND', message: '请先绑定您的店铺' } })
  })

  it('refuses an openId field in the event as an unknown field', async () => {
    const reply = await cloudMain(home, platform('o-stranger'))({ openId: 'o-owner' }, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('answers UNAUTHENTICATED when the platform vouches for nobody, whatever the event claims', async () => {
    const reply = await cloudMain(home, platform(null))({ userInfo: { appId: 'wx0000000000000000', openId: 'o-owner' } }, {})
    expect(reply).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开' } })
  })

  it('refuses unknown fields with INVALID_ARGUMENT and changes nothing', async () => {
    const reply = await cloudMain(bindRetailer, platform('o-new'))({ licenseNo: '350625100006', phoneCode: '13800000006', shop: 'x' }, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await repos(deps.store).bindings.get('350625100006')).toBeNull()
  })

  it('binds the shop to the platform caller, not to the openId in userInfo', async () => {
    const event = { licenseNo: '350625100006', phoneCode: '13800000006', userInfo: { appId: 'wx0000000000000000', openId: 'o-forged' } }
    expect(await cloudMain(bindRetailer, platform('o-new'))(event, {})).toEqual({ ok: true, data: { licenseNo: '350625100006', shopName: '岩溪小卖部' } })
    expect(await repos(deps.store).bindings.get('350625100006')).toMatchObject({ openId: 'o-new' })
    expect(await repos(deps.store).bindings.find({ openId: 'o-forged' })).toEqual([])
  })

  describe('timer triggers', () => {
    const ticks: (string | null)[] = []
    const tick = timer({ name: 'tick', cron: '0 0 12 * * * *', run: async ({ caller }) => (ticks.push(caller), { ticked: ticks.length }) })
    const TIMER_EVENT = { Type: 'Timer', TriggerName: 'tickTimer', Time: '2026-11-23T04:00:00Z', Message: '' }
    beforeEach(() => (ticks.length = 0))

    it('run a timer function for a Timer event without OPENID', async () => {
      expect(await cloudMain(tick, platform(null))(TIMER_EVENT, {})).toEqual({ ok: true, data: { ticked: 1 } })
      expect(ticks).toEqual([null])
    })

    it('never run for a user, even one who sends a Timer event', async () => {
      expect(await cloudMain(tick, platform('o-owner'))(TIMER_EVENT, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '定时任务不能直接调用' } })
      expect(await cloudMain(tick, platform('o-owner'))({}, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(ticks).toEqual([])
    })

    it('never run for an event that is not a Timer event', async () => {
      expect(await cloudMain(tick, platform(null))({ Type: 'Manual' }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(ticks).toEqual([])
    })

    it('do not reach callables: FORBIDDEN without OPENID, INVALID_ARGUMENT from a user', async () => {
      expect(await cloudMain(home, platform(null))(TIMER_EVENT, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '此功能不由定时任务调用' } })
      expect(await cloudMain(home, platform('o-owner'))(TIMER_EVENT, {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    })
  })

  it('turns a platform failure into INTERNAL without any detail', async () => {
    const broken: Platform = {
      callerOf: () => 'o-owner',
      deps: () => {
        throw new Error('secret detail: metadata host unreachable')
      },
    }
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const reply = await cloudMain(home, broken)({}, {})
    error.mockRestore()
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } })
  })
})
