import { DAY_MS } from './time'
import type { Deps } from './ports'
import { repos, type Repos } from './repos'
import { withSpent } from './reminders/consents'
import type { CleanupResult } from '../contracts/results'

/**
 * What no promise needs any more is deleted once a month, so nothing grows forever:
 *
 * - reminder slots due more than SLOT_DAYS ago (and the sends ledger of earlier versions): a slot's
 *   window closed long before, so neither exactly-once (which guards slots of cycles the timer may
 *   still send) nor the inbox (the latest messages) needs it. Each consent keeps its own spent
 *   count; a consent document from before that counted its slots, so it is settled first;
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

/** Gives every consent document its own spent count (older ones counted slots); answers how many it settled. */
const settleConsents = async (db: Repos): Promise<number> => {
  let settled = 0
  let after = ''
  for (;;) {
    const page = await db.consents.find({ _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE })
    for (const consent of page) {
      if (consent.spent !== undefined) continue
      await withSpent(db, consent)
      settled++
    }
    if (page.length < PAGE) return settled
    after = page[page.length - 1]._id
  }
}

export const cleanup = async (deps: Deps): Promise<CleanupResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const slotHorizon = now - SLOT_DAYS * DAY_MS
  const logHorizon = now - LOG_DAYS * DAY_MS
  const consentsSettled = await settleConsents(db)
  return {
    consentsSettled,
    reminderSlots: await db.reminderSlots.remove({ dueAt: { $lt: slotHorizon } }),
    sends: await db.sends.remove({ startedAt: { $lt: new Date(slotHorizon).toISOString() } }),
    invites: await db.invites.remove({ expiresAt: { $lt: now - INVITE_GRACE_DAYS * DAY_MS } }),
    counters: await db.counters.remove({ bucketEndsAt: { $lte: now } }),
    helperLog: await db.helperLog.remove({ atMs: { $lt: logHorizon } }),
    imports: await db.imports.remove({ state: { $ne: 'applying' }, startedAt: { $lt: new Date(logHorizon).toISOString() } }),
  }
}
