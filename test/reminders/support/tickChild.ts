/**
 * One run of the reminder timer in its own process, for the fault test: against DATA_DIR with the
 * clock at NOW, crashing where CRASH_AT / CRASH_OP / CRASH_WHEN say (test/support/crashingDeps.ts).
 * The core's tick is called directly (the timer entry only maps errors), which keeps this bundle
 * and each of the 150 process starts small.
 */
import { remindTick } from '../../../cloudfunctions/core/reminders/tick'
import { crashingDeps } from '../../support/crashingDeps'

const main = async (): Promise<void> => {
  const { deps, calls } = await crashingDeps(process.env)
  const report = await remindTick(deps)
  process.stdout.write(JSON.stringify({ calls: calls(), report }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
