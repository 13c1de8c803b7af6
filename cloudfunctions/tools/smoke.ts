import { parseArgs } from 'node:util'

/**
 * `npm run smoke -- --env <env id>`: after a deploy, calls `ping` and `home` on the deployed
 * environment through node-sdk with the deployer's API key (TENCENTCLOUD_SECRETID /
 * TENCENTCLOUD_SECRETKEY, and TENCENTCLOUD_SESSIONTOKEN for a temporary key). A call from a server
 * carries no WeChat user, so a healthy function answers UNAUTHENTICATED: that answer proves the
 * function is deployed, starts, loads its SDKs and takes the caller only from the platform. Any
 * other answer — a platform error, a timeout, INTERNAL, or `ok: true` without a user — fails.
 */

export const SMOKE_FUNCTIONS = ['ping', 'home'] as const

export type SmokeArgs = { env: string; secretId: string; secretKey: string; sessionToken?: string } | { error: string }

const USAGE = '用法 / usage: npm run smoke -- --env <环境ID>'

/** The command line, or an error to print: `--env <id>` is required, the key comes from the environment. */
export const parseSmokeArgs = (argv: string[], environment: Record<string, string | undefined> = process.env): SmokeArgs => {
  let env: string | undefined
  try {
    env = parseArgs({ args: argv, options: { env: { type: 'string', short: 'e' } }, strict: true }).values.env?.trim()
  } catch (error) {
    return { error: `${(error as Error).message}\n${USAGE}` }
  }
  if (!env) return { error: `缺少 --env <环境ID> / missing --env <env id>\n${USAGE}` }
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, TENCENTCLOUD_SESSIONTOKEN: sessionToken } = environment
  if (!secretId || !secretKey) return { error: '缺少 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY（腾讯云 API 密钥）/ the API key is not in the environment' }
  return { env, secretId, secretKey, sessionToken }
}

export interface SmokeResult {
  name: string
  ok: boolean
  detail: string
  ms: number
}

/** What one function call must answer: a reply of ours, refusing the anonymous caller. */
export const judge = (name: string, answer: unknown): Omit<SmokeResult, 'ms'> => {
  const reply = (answer as { result?: unknown } | null)?.result as { ok?: unknown; error?: { code?: unknown } } | undefined
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') return { name, ok: false, detail: `no reply of ours: ${String(JSON.stringify(answer)).slice(0, 200)}` }
  if (reply.ok === false && reply.error?.code === 'UNAUTHENTICATED') return { name, ok: true, detail: 'UNAUTHENTICATED (deployed, running, caller from the platform only)' }
  return { name, ok: false, detail: `unexpected reply: ${JSON.stringify(reply).slice(0, 200)}` }
}

export interface SmokePorts {
  callFunction(options: { name: string; data: object }): Promise<unknown>
  now?: () => number
}

/** Calls each function with an empty event through `callFunction` (node-sdk's, or a test's). */
export const smoke = async ({ callFunction, now = () => Date.now() }: SmokePorts): Promise<SmokeResult[]> => {
  const results: SmokeResult[] = []
  for (const name of SMOKE_FUNCTIONS) {
    const started = now()
    try {
      results.push({ ...judge(name, await callFunction({ name, data: {} })), ms: now() - started })
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string }
      results.push({ name, ok: false, detail: `call failed: ${code ?? ''} ${message ?? ''}`.trim(), ms: now() - started })
    }
  }
  return results
}
