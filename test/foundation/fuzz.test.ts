import fc from 'fast-check'
import { cleanup, startTestHost, type TestHost } from '../support/localHome'
import { functions } from '../../cloudfunctions/functions/registry'
import { ERROR_CODES } from '../../cloudfunctions/contracts/vocabulary'

/**
 * Any JSON event, from anyone, to every function over the real host: the answer is HTTP 200 with
 * `{ ok: true, data }` or `{ ok: false, error: { code, message } }` with a known code and a
 * message in words — never a 5xx, never a stack, never INTERNAL. Events are random JSON, and objects built from
 * the fields the functions know with values both plausible and wild, so validation is passed
 * often enough to reach the core.
 */
const FIELDS = ['licenseNo', 'phoneCode', 'retailer', 'enabled', 'offsets', 'templates', 'via', 'kind', 'scopes', 'token', 'code', 'name', 'helperId', 'period', 'date', 'fileId', 'skipInvalid', 'atOpen', 'now']
const PLAUSIBLE = [
  '350625100006', '350625100001', '13800000006', '999999999999', 'week', 'month', '2026-11-23', '2026-02-30', 'orderReminder', 'link', 'code', 'family', 'neighbour',
  'ABCDEF', 'abcdef', 'a'.repeat(43), 'helper0000000000', '林小燕', '\u202E', '../../etc/passwd', '', ' ', true, false, 0, -1, 1e308, null,
  ['remind'], ['remind', 'order', 'insights'], ['orderReminder'], [], { atOpen: false },
]
const value = fc.oneof(fc.constantFrom(...PLAUSIBLE), fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 40 }))
const event = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }), fc.constant({}))
const caller = fc.constantFrom<string | null>(null, 'demo-retailer-1', 'demo-retailer-2', 'demo-family-1', 'wx-stranger', '', ' '.repeat(3), '\u0000')

const STACK = /\n\s+at |Error: |\.ts:\d+|node_modules/

const expectCoded = (status: number, body: unknown) => {
  expect(status).toBeLessThan(500)
  const reply = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  expect(typeof reply.ok).toBe('boolean')
  if (reply.ok) return
  expect(ERROR_CODES).toContain(reply.error?.code)
  // INTERNAL is an exception nobody expected: input must never cause one.
  expect(reply.error?.code).not.toBe('INTERNAL')
  expect(typeof reply.error?.message).toBe('string')
  expect(String(reply.error?.message)).not.toMatch(STACK)
}

describe('every function answers any JSON event with a coded reply', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await startTestHost()
  })
  afterAll(async () => {
    await host.close()
    cleanup(host.dataDir)
  })

  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(`${host.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const text = await res.text()
    expect(text).not.toMatch(STACK)
    return { status: res.status, body: JSON.parse(text) as unknown }
  }

  for (const fn of functions.filter((f) => f.kind === 'callable')) {
    it(`${fn.name}: any event, any caller`, async () => {
      await fc.assert(
        fc.asyncProperty(event, caller, async (e, who) => {
          const headers: Record<string, string> = who === null || /[\u0000-\u001f]/.test(who) ? {} : { 'x-dev-openid': who }
          const { status, body } = await post(`/fn/${fn.name}`, JSON.stringify(e), headers)
          expect(status).toBe(200)
          expectCoded(status, body)
        }),
        { numRuns: 60 },
      )
    }, 60_000)
  }

  for (const fn of functions.filter((f) => f.kind === 'timer')) {
    it(`${fn.name}: a timer fired with any body answers coded, or 400 for a clock it refuses`, async () => {
      const inRange = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(Date.now() + 300 * 86_400_000), noInvalidDate: true }).map((d) => ({ now: d.toISOString() }))
      await fc.assert(
        fc.asyncProperty(fc.oneof(event, inRange), async (e) => {
          const { status, body } = await post(`/dev/timer/${fn.name}`, JSON.stringify(e), {})
          expect([200, 400]).toContain(status)
          expectCoded(status, body)
        }),
        { numRuns: 25 },
      )
    }, 120_000)
  }
})
