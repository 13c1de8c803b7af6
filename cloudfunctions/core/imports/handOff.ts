import type { ImportReport } from '../../contracts/insights'
import type { Progress } from './check'

/**
 * The hand-off protocol between `npm run import` and a running local host (POST /dev/import/<kind>):
 * shared here so neither side imports the other's code.
 */

/**
 * What `npm run import` sends to a running host: the name of the grant it wrote into the data
 * folder, which names the file (and --skip-invalid). A request never names a path itself.
 */
export interface HandOff {
  grant: string
}

/** One line of the host's NDJSON answer: progress lines while it works, then the report (or an error). */
export type HandOffMessage = { progress?: Progress; report?: ImportReport; error?: string | { message: string } }
