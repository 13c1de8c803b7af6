import { ClientError, NETWORK_MESSAGE, call } from '../../src/services/client'
import { fetchHome, prefetchHome } from '../../src/services/home'
import { bindRetailer } from '../../src/services/binding'
import { IDENTITY_KEY, signInAs, signOut } from '../../src/services/identity'
import { cleanup, startTestHost, type TestHost } from '../support/localHome'

// The real @tarojs/taro cannot load under Jest; the H5 path never touches it, the weapp path
// only calls cloud.callFunction, which stands in for WeChat here.
const callFunction = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction: (...args: unknown[]) => callFunction(...args) } } }))

/** The browser's localStorage, which Node lacks. */
class MemoryStorage {
  private readonly items = new Map<string, string>()
  getItem = (key: string) => this.items.get(key) ?? null
  setItem = (key: string, value: string) => void this.items.set(key, String(value))
  removeItem = (key: string) => void this.items.delete(key)
}

const realFetch = globalThis.fetch
let host: TestHost
let requested: string[] = []

beforeAll(async () => {
  host = await startTestHost()
  Object.assign(globalThis, { localStorage: new MemoryStorage() })
  // The H5 client calls same-origin paths (/fn/home); here the origin is the test host.
  globalThis.fetch = (input, init) => {
    requested.push(String(input))
    return realFetch(new URL(String(input), host.base), init)
  }
}, 60_000)

afterAll(async () => {
  globalThis.fetch = realFetch
  await host.close()
  cleanup(host.dataDir)
})

beforeEach(() => {
  requested = []
  signOut()
})

describe('the H5 client over the local host', () => {
  it('calls home as the stored demo identity and resolves its data', async () => {
    signInAs('demo-retailer-1')
    const home = await call('home', {})
    expect(home.shop).toMatchObject({ shopName: '福满便利店', grade: 18, district: '城关一片' })
    expect(home.orderWindow).toEqual({ openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' })
  })

  it('without an identity the function sees no caller: UNAUTHENTICATED with its Chinese message', async () => {
    await expect(call('home', {})).rejects.toEqual(new ClientError('UNAUTHENTICATED', '请在微信中打开'))
  })

  it('a new user is NOT_BOUND until they bind, and a wrong phone is refused with the function’s message', async () => {
    signInAs('dev-client-test')
    await expect(fetchHome()).rejects.toMatchObject({ code: 'NOT_BOUND', message: '请先绑定您的店铺' })
    await expect(bindRetailer('350625100006', '13800000005')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '许可证号与手机号不匹配，请核对后再试' })
    await expect(bindRetailer('350625100006', '13800000006')).resolves.toEqual({ licenseNo: '350625100006', shopName: expect.any(String) })
    await expect(fetchHome()).resolves.toMatchObject({ shop: { licenseNo: '350625100006' } })
  })

  it('the launch call is handed to the first fetchHome only; later ones call again', async () => {
    signInAs('demo-retailer-2')
    prefetchHome()
    expect(requested).toEqual(['/fn/home'])
    await expect(fetchHome()).resolves.toMatchObject({ shop: { shopName: '王记食杂店' } })
    expect(requested).toEqual(['/fn/home'])
    await fetchHome()
    expect(requested).toEqual(['/fn/home', '/fn/home'])
  })

  it('stores the identity under one key and leaves other storage alone', () => {
    localStorage.setItem('other', 'kept')
    signInAs('demo-retailer-3')
    expect(localStorage.getItem(IDENTITY_KEY)).toBe('demo-retailer-3')
    signOut()
    expect(localStorage.getItem(IDENTITY_KEY)).toBeNull()
    expect(localStorage.getItem('other')).toBe('kept')
  })

  it('no answer at all becomes NETWORK with a Chinese message', async () => {
    const down = globalThis.fetch
    globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'))
    try {
      await expect(call('ping', {})).rejects.toEqual(new ClientError('NETWORK', NETWORK_MESSAGE))
    } finally {
      globalThis.fetch = down
    }
  })
})

describe('the weapp client', () => {
  beforeAll(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterAll(() => {
    delete process.env.TARO_ENV
  })
  beforeEach(() => callFunction.mockReset())

  it('calls the cloud function by name with the event as data and unwraps result', async () => {
    callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: { pong: true } } })
    await expect(call('ping', {})).resolves.toEqual({ pong: true })
    expect(callFunction).toHaveBeenCalledWith({ name: 'ping', data: {} })
  })

  it('turns a failed reply into a ClientError with its code and message', async () => {
    callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: { ok: false, error: { code: 'RATE_LIMITED', message: '尝试次数过多，请一小时后再试' } } })
    await expect(call('bindRetailer', { licenseNo: '350625100001', phoneCode: 'x' })).rejects.toEqual(new ClientError('RATE_LIMITED', '尝试次数过多，请一小时后再试'))
  })

  it('a rejected call is NETWORK; a result that is not a reply is INTERNAL', async () => {
    callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'))
    await expect(call('ping', {})).rejects.toMatchObject({ code: 'NETWORK' })
    callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: 'oops' })
    await expect(call('ping', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
  })
})
