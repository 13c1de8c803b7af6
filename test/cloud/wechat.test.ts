import {
  configFromEnvironment,
  subscribeNotifier,
  templateVariable,
  type SubscribeSendParams,
} from '../../cloudfunctions/adapters/cloudbase/notifier'
import { wechatErrorCode, wechatPhones } from '../../cloudfunctions/adapters/cloudbase/phones'
import type { SubscribeMessage } from '../../cloudfunctions/core/ports'

/** The WeChat adapters over a stand-in for wx-server-sdk's open API (WeChat itself is not reachable here). */
const wechatError = (errCode: number) => Object.assign(new Error(`errCode: ${errCode}`), { errCode })

const REMINDER: SubscribeMessage = {
  key: 'remind:350625100001:2026-11-23:noon',
  toOpenId: 'o-owner',
  page: 'pages/index/index',
  content: { template: 'orderReminder', shopName: '福满便利店本周订货即将截止请尽快下单以免断货', closesAt: Date.parse('2026-11-23T16:00:00+08:00'), role: 'owner', offset: 'twoHoursBefore', msLeft: 7_200_000 },
}

describe('the subscribe-message notifier', () => {
  const env = { SUBSCRIBE_TEMPLATE_ORDER_REMINDER: 'tmpl-abc123', MINIPROGRAM_STATE: 'trial' }

  it('names the template variable after the template: orderReminder → SUBSCRIBE_TEMPLATE_ORDER_REMINDER', () => {
    expect(templateVariable('orderReminder')).toBe('SUBSCRIBE_TEMPLATE_ORDER_REMINDER')
    expect(templateVariable('helperInvite2')).toBe('SUBSCRIBE_TEMPLATE_HELPER_INVITE2')
  })

  it('sends to the recipient with the configured template id, the page, and values fitted and wrapped', async () => {
    const calls: SubscribeSendParams[] = []
    const notifier = subscribeNotifier(async (params) => void calls.push(params), configFromEnvironment(env))
    expect(await notifier.send(REMINDER)).toEqual({ ok: true })
    expect(calls).toEqual([
      {
        touser: 'o-owner',
        templateId: 'tmpl-abc123',
        page: 'pages/index/index',
        data: { thing1: { value: '福满便利店本周订货即将截止请尽快下单以…' }, time2: { value: '2026年11月23日 16:00' }, thing3: { value: '订货即将截止，还剩2小时' } },
        miniprogramState: 'trial',
      },
    ])
  })

  it('sends to the released mini-program unless MINIPROGRAM_STATE says otherwise', async () => {
    expect(configFromEnvironment({}).miniprogramState).toBe('formal')
    expect(configFromEnvironment({ MINIPROGRAM_STATE: 'nonsense' }).miniprogramState).toBe('formal')
    expect(configFromEnvironment({ MINIPROGRAM_STATE: 'developer' }).miniprogramState).toBe('developer')
  })

  it('reports NO_CONSENT for errcode 43101 (the user has no subscription left)', async () => {
    const notifier = subscribeNotifier(async () => Promise.reject(wechatError(43101)), configFromEnvironment(env))
    expect(await notifier.send(REMINDER)).toEqual({ ok: false, reason: 'NO_CONSENT' })
  })

  it('reports FAILED with the code for any other refusal, and for a network failure', async () => {
    const refused = subscribeNotifier(async () => Promise.reject(wechatError(47003)), configFromEnvironment(env))
    expect(await refused.send(REMINDER)).toEqual({ ok: false, reason: 'FAILED', detail: 'errCode 47003' })
    const down = subscribeNotifier(async () => Promise.reject(new Error('socket hang up')), configFromEnvironment(env))
    expect(await down.send(REMINDER)).toEqual({ ok: false, reason: 'FAILED', detail: 'send failed' })
  })

  it('fails without calling WeChat when the template has no id configured', async () => {
    const calls: SubscribeSendParams[] = []
    const notifier = subscribeNotifier(async (params) => void calls.push(params), configFromEnvironment({}))
    expect(await notifier.send(REMINDER)).toEqual({ ok: false, reason: 'FAILED', detail: 'no template id in SUBSCRIBE_TEMPLATE_ORDER_REMINDER' })
    expect(calls).toEqual([])
  })
})

describe('the WeChat phone verifier', () => {
  it('returns the pure phone number WeChat decoded from the code', async () => {
    const codes: string[] = []
    const phones = wechatPhones(async ({ code }) => (codes.push(code), { phoneInfo: { purePhoneNumber: '13800000006' } }))
    expect(await phones.phoneFromCode('code-from-button')).toBe('13800000006')
    expect(codes).toEqual(['code-from-button'])
  })

  it('returns null when WeChat refuses the code or answers without a number', async () => {
    expect(await wechatPhones(async () => Promise.reject(wechatError(40029))).phoneFromCode('expired')).toBeNull()
    expect(await wechatPhones(async () => ({})).phoneFromCode('odd')).toBeNull()
    expect(await wechatPhones(async () => ({ phoneInfo: { purePhoneNumber: '' } })).phoneFromCode('odd')).toBeNull()
  })

  it('reads the errcode wherever wx-server-sdk puts it: errCode, or errMsg text', () => {
    expect(wechatErrorCode(wechatError(40029))).toBe(40029)
    expect(wechatErrorCode(new Error('openapi.phonenumber.getPhoneNumber:fail -604101 function has no permission to call this API'))).toBe(-604101)
    expect(wechatErrorCode({ errMsg: 'getPhoneNumber:fail errcode: 45011, api minute-quota reach limit' })).toBe(45011)
    expect(wechatErrorCode(new Error('socket hang up'))).toBeNull()
  })

  it('answers INTERNAL for every other failure — permission, quota, rate limit, system busy, network — so no try is counted', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    for (const failure of [wechatError(-604101), wechatError(45011), wechatError(-1), wechatError(40013), new Error('socket hang up')]) {
      await expect(wechatPhones(async () => Promise.reject(failure)).phoneFromCode('code')).rejects.toMatchObject({ code: 'INTERNAL', reason: 'phoneServiceDown' })
    }
  })
})
