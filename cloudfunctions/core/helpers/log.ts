import { chinaDate, chinaIso } from '../time'
import type { Deps } from '../ports'
import type { Helper } from '../model'
import { repos } from '../repos'
import { ownRetailer } from '../identity'
import type { HelperLogData } from '../../contracts/results'
import type { HelperAction } from '../../contracts/vocabulary'

/**
 * The owner's record of what helpers did. Every action that changes something (accepting an
 * invite, marking an order) is an entry of its own; looking (`viewSummary`) is counted, one entry
 * per helper per China day, so a helper reading the summary ten thousand times cannot push an
 * order they marked out of the owner's view.
 */
export const logHelperAction = async (deps: Deps, helper: Pick<Helper, 'licenseNo' | 'helperId' | 'name'>, action: HelperAction): Promise<void> => {
  const at = deps.clock.now()
  const db = repos(deps.store)
  const entry = { licenseNo: helper.licenseNo, helperId: helper.helperId, helperName: helper.name, action, at: at.toISOString(), atMs: at.getTime() }
  if (action === 'viewSummary') {
    // The day's first view dates the entry; later ones only count.
    await db.helperLog.increment(`${helper.licenseNo}|views|${helper.helperId}|${chinaDate(at.getTime())}`, 'views', 1, { ...entry, views: 0 })
    return
  }
  await db.helperLog.insert({
    // Time first so ids sort by time; the random tail keeps two actions in one millisecond apart.
    _id: `${helper.licenseNo}|${String(at.getTime()).padStart(15, '0')}|${deps.tokens.randomToken().slice(0, 12)}`,
    ...entry,
  })
}

export const HELPER_LOG_LIMIT = 200

/** The owner reads what their helpers did, newest first. */
export const helperLog = async (deps: Deps, caller: string): Promise<HelperLogData> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const entries = await db.helperLog.find({ licenseNo: retailer.licenseNo }, { sort: { atMs: -1, _id: -1 }, limit: HELPER_LOG_LIMIT })
  return {
    entries: entries.map((e) => ({ at: chinaIso(e.atMs), helperId: e.helperId, helperName: e.helperName, action: e.action, ...(e.views !== undefined ? { views: e.views } : {}) })),
  }
}
