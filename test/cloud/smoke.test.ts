/**
 * `npm run smoke -- --env <id>` cannot reach a deployed environment from here: its argument
 * handling and its calls are tested against a stand-in for node-sdk's callFunction.
 */
import * as smokeModule from '../../cloudfunctions/tools/smoke'

const load = async () => smokeModule

const KEYS = { TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret' }

describe('npm run smoke', () => {
  it('takes the environment from --env (or -e), the key from the environment', async () => {
    const { parseSmokeArgs } = await load()
    expect(parseSmokeArgs(['--env', 'prod-8g2x'], KEYS)).toEqual({ env: 'prod-8g2x', secretId: 'AKIDexample', secretKey: 'secret', sessionToken: undefined })
    expect(parseSmokeArgs(['-e', 'prod-8g2x'], { ...KEYS, TENCENTCLOUD_SESSIONTOKEN: 'tok' })).toMatchObject({ env: 'prod-8g2x', sessionToken: 'tok' })
  })

  it('refuses without an environment, with an unknown option, or without a key — saying how to call it', async () => {
    const { parseSmokeArgs } = await load()
    expect((parseSmokeArgs([], KEYS) as { error: string }).error).toContain('npm run smoke -- --env')
    expect((parseSmokeArgs(['--env', ' '], KEYS) as { error: string }).error).toContain('缺少 --env')
    expect((parseSmokeArgs(['--envv', 'x'], KEYS) as { error: string }).error).toContain('usage')
    expect((parseSmokeArgs(['--env', 'prod-8g2x'], {}) as { error: string }).error).toContain('TENCENTCLOUD_SECRETID')
  })

  it('calls ping then home with an empty event, and passes when both refuse the anonymous caller as deployed functions do', async () => {
    const { smoke } = await load()
    const calls: unknown[] = []
    const results = await smoke({
      callFunction: async (options: object) => (calls.push(options), { requestId: 'r', result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开' } } }),
    })
    expect(calls).toEqual([
      { name: 'ping', data: {} },
      { name: 'home', data: {} },
    ])
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['ping', true],
      ['home', true],
    ])
  })

  it('fails on a platform error, an INTERNAL reply, an answer that is not ours, or a call that throws', async () => {
    const { smoke } = await load()
    const answers: unknown[] = [{ result: { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } } }, { result: 'FUNCTIONS_EXECUTE_FAIL' }]
    const failed = await smoke({ callFunction: async () => answers.shift() })
    expect(failed.map((r) => r.ok)).toEqual([false, false])
    const thrown = await smoke({ callFunction: async () => Promise.reject(Object.assign(new Error('function not found'), { code: 'FUNCTION_NOT_FOUND' })) })
    expect(thrown[0]).toMatchObject({ ok: false, detail: 'call failed: FUNCTION_NOT_FOUND function not found' })
  })
})
