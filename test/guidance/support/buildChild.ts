/**
 * One run of the monthly build in its own process, for the fault test: against DATA_DIR with the
 * clock at NOW, pages of PAGE_SIZE, crashing where CRASH_AT / CRASH_OP / CRASH_WHEN say
 * (test/support/crashingDeps.ts).
 */
import { buildMonth } from '../../../cloudfunctions/core/guidance/build'
import { crashingDeps } from '../../support/crashingDeps'

const main = async (): Promise<void> => {
  const { deps } = await crashingDeps(process.env)
  const report = await buildMonth(deps, { month: process.env.MONTH as string, pageSize: Number(process.env.PAGE_SIZE ?? 500) })
  process.stdout.write(JSON.stringify(report))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
