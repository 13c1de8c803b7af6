import { chinaIso } from '../time'
import type { Deps } from '../ports'
import { repos } from '../repos'
import type { InboxData } from '../../contracts/results'
import { guideNoticesFor } from '../guidance/read'

/** 我的 → 消息: every reminder addressed to the caller, newest first, with what became of it, and the new-guide notices. */

export const INBOX_LIMIT = 100

export const listInbox = async (deps: Deps, caller: string): Promise<InboxData> => {
  const db = repos(deps.store)
  const slots = (await db.reminderSlots.find({ recipient: caller }, { sort: { dueAt: -1, _id: 1 }, limit: INBOX_LIMIT })).filter(
    (s) => s.state === 'done',
  )
  const shops = new Map((await db.retailers.find({ _id: { $in: [...new Set(slots.map((s) => s.licenseNo))] } })).map((r) => [r._id, r.shopName]))
  const guides = await guideNoticesFor(db, caller, INBOX_LIMIT)
  return {
    guides,
    entries: slots.map((s) => {
      const outcome = s.outcome ?? 'missed'
      return {
        id: s._id,
        at: chinaIso(Date.parse(s.recordedAt ?? s.claimedAt)),
        dueAt: chinaIso(s.dueAt),
        retailer: { licenseNo: s.licenseNo, shopName: shops.get(s.licenseNo) ?? '' },
        cycleId: s.cycleId,
        closesAt: chinaIso(s.closesAt),
        role: s.role,
        offset: s.offset,
        outcome,
      }
    }),
  }
}
