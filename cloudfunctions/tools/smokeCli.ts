import * as tcb from '@cloudbase/node-sdk'
import { parseSmokeArgs, smoke } from './smoke'

const main = async (): Promise<number> => {
  const args = parseSmokeArgs(process.argv.slice(2))
  if ('error' in args) {
    console.error(args.error)
    return 2
  }
  const app = tcb.init({ env: args.env, secretId: args.secretId, secretKey: args.secretKey, sessionToken: args.sessionToken })
  const results = await smoke({ callFunction: (options) => app.callFunction(options) })
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(6)} ${String(r.ms).padStart(5)} ms  ${r.detail}`)
  return results.every((r) => r.ok) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
