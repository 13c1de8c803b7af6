import { chinaIso } from '../time'
import type { Deps } from '../ports'
import type { Helper } from '../model'
import { repos } from '../repos'
import { ownRetailer } from '../identity'
import type { HelperLogData } from '../../contracts/results'
import type { HelperAction } from '../../contracts/vocabulary'

/** Records one thing a helper did for a shop (the summary function calls this with `viewSummary`). */
export const logHelperAction = async (deps: Deps, helper: Pick<Helper, 'licenseNo' | 'helperId' | 'name'>, action: HelperAction): Promise<void> => {
  const at = deps.clock.now()
  await repos(deps.store).helperLog.insert({
    // Time first so ids sort by time; the random tail keeps two actions in one millisecond apart.
    _id: `${helper.licenseNo}|${String(at.getTime()).padStart(15, '0')}|${deps.tokens.randomToken().slice(0, 12)}`,
    licenseNo: helper.licenseNo,
    helperId: helper.helperId,
    helperName: helper.name,
    action,
    at: at.toISOString(),
    atMs: at.getTime(),
  })
}

export const HELPER_LOG_LIMIT = 200

/** The owner reads what their helpers did, newest first. */
export const helperLog = async (deps: Deps, caller: string): Promise<HelperLogData> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const entries = await db.helperLog.find({ licenseNo: retailer.licenseNo }, { sort: { atMs: -1, _id: -1 }, limit: HELPER_LOG_LIMIT })
  return {
    entries: entries.map((e) => ({ at: chinaIso(e.atMs), helperId: e.helperId, helperName: e.helperName, action: e.action })),
  }
}
