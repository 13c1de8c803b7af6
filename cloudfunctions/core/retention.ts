import { DAY_MS } from './time'
import type { Deps } from './ports'
import { repos, type Repos } from './repos'
import { chargedSince } from './reminders/consents'
import type { CleanupResult } from '../contracts/results'

/**
 * What no promise needs any more is deleted once a month, so nothing grows forever:
 *
 * - reminder slots and sends due more than SLOT_DAYS ago: a slot's window closed long before, so
 *   neither exactly-once (which guards slots of cycles the timer may still send) nor the inbox
 *   (the latest messages) needs it; the consents those slots spent are first folded into each
 *   consent's `spentBefore`, with a compare-and-set, so a spent consent stays spent;
 * - invites expired for a week (used or not: the helper they made is its own document);
 * - rate-limit counters whose hour is over;
 * - helper-log entries and import records older than a year (a finished import's journal is all
 *   that is left of it; one still applying is never touched).
 */

export const SLOT_DAYS = 93
export const INVITE_GRACE_DAYS = 7
export const LOG_DAYS = 366
/** CloudBase cron (UTC+8): 03:30 on the first of every month. */
export const CLEANUP_CRON = '0 30 3 1 * * *'

const PAGE = 500

/** Moves the charges of slots due before `horizon` into each consent's own count; answers how many consents moved. */
const foldConsents = async (db: Repos, horizon: number): Promise<number> => {
  let folded = 0
  let after = ''
  for (;;) {
    const page = await db.consents.find({ _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE })
    for (const consent of page) {
      const from = consent.foldedUpTo ?? 0
      if (from >= horizon) continue
      const charged = await chargedSince(db, consent.openId, consent.template, from, horizon)
      // Only from the state read: a second cleanup running at once folds nothing twice.
      folded += await db.consents.update({ _id: consent._id, foldedUpTo: consent.foldedUpTo ?? null }, { spentBefore: (consent.spentBefore ?? 0) + charged, foldedUpTo: horizon })
    }
    if (page.length < PAGE) return folded
    after = page[page.length - 1]._id
  }
}

export const cleanup = async (deps: Deps): Promise<CleanupResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const slotHorizon = now - SLOT_DAYS * DAY_MS
  const logHorizon = now - LOG_DAYS * DAY_MS
  const consentsFolded = await foldConsents(db, slotHorizon)
  // Consents that could not be folded (a concurrent change) keep their slots until next month.
  const unfolded = await db.consents.count({ foldedUpTo: { $lt: slotHorizon } })
  const slotsRemoved = unfolded > 0 ? 0 : await db.reminderSlots.remove({ dueAt: { $lt: slotHorizon } })
  return {
    consentsFolded,
    reminderSlots: slotsRemoved,
    sends: await db.sends.remove({ startedAt: { $lt: new Date(slotHorizon).toISOString() } }),
    invites: await db.invites.remove({ expiresAt: { $lt: now - INVITE_GRACE_DAYS * DAY_MS } }),
    counters: await db.counters.remove({ bucketEndsAt: { $lte: now } }),
    helperLog: await db.helperLog.remove({ atMs: { $lt: logHorizon } }),
    imports: await db.imports.remove({ state: { $ne: 'applying' }, startedAt: { $lt: new Date(logHorizon).toISOString() } }),
  }
}
