import { outOfQuietHours } from '../reminders/plan'
import { type SendDeps, deliverOnce } from '../reminders/ledger'
import type { GuideNotice } from '../model'
import type { Repos } from '../repos'
import { chargeConsent, consentsHeld, refundConsent, writeOffConsents } from '../reminders/consents'
import type { GuideNoticeTally } from '../../contracts/guidance'
import type { SubscribeTemplate } from '../../contracts/vocabulary'

/**
 * Telling a retailer of a new guide (guidance.md §5): once a month, on 首页 and in 消息, and by one
 * subscribe message only when they hold a monthlyGuide consent — never in quiet hours.
 *
 * One notice per shop and month, claimed like a reminder slot (reminders/slots.ts): inserted
 * `pending` (insert-if-absent: of two runs only one creates it), claimed with a compare-and-set
 * (taking one consent), sent through the sends ledger with the notice's key (at most once to WeChat,
 * exactly once through the outbox), then recorded. A run that dies anywhere leaves a state the next
 * run — the build fired again, or the reminder tick — finishes with the same key.
 */

export const MONTHLY_GUIDE: SubscribeTemplate = 'monthlyGuide'
/** Where a tap on the message lands: the guide page. */
export const GUIDE_PAGE = 'packages/guide/index'
/** A send WeChat refused for another reason than consent is tried this many times. */
export const MAX_NOTICE_ATTEMPTS = 3

export const noticeId = (licenseNo: string, month: string): string => `${licenseNo}|${month}`
/** The message's idempotency key in the sends ledger (never a reminder slot's key). */
export const noticeKey = (notice: Pick<GuideNotice, 'licenseNo' | 'month'>): string => `guide|${notice.licenseNo}|${notice.month}`

/** What a notice says, read when it is sent (a resumed notice reads it afresh). */
export interface NoticeFacts {
  shopName: string
  strategyTitle: string | null
}

export type NoticeOutcome = keyof GuideNoticeTally

/** What settling a notice did this run: a fresh outcome, or null when nothing new was recorded. */
const record = async (db: Repos, notice: GuideNotice, outcome: 'sent' | 'inbox' | 'failed', now: number, assumed = false): Promise<NoticeOutcome | null> => {
  const recorded = await db.guideNotices.update(
    { _id: notice._id, state: 'claimed' },
    { state: 'done', outcome, charged: outcome === 'sent', dueAt: null, recordedAt: new Date(now).toISOString(), ...(assumed ? { assumed: true } : {}) },
  )
  if (recorded === 0) return null
  // A notice that sent nothing gives its consent back (a 43101 then writes the count down).
  if (outcome !== 'sent') await refundConsent(db, notice.recipient, MONTHLY_GUIDE, notice._id)
  return outcome === 'inbox' ? 'inboxOnly' : outcome
}

/** Sends a claimed notice with its key; a failure is retried by later runs up to MAX_NOTICE_ATTEMPTS. */
const send = async (deps: SendDeps, db: Repos, notice: GuideNotice, facts: NoticeFacts, now: number): Promise<NoticeOutcome | null> => {
  const delivery = await deliverOnce(deps, {
    key: noticeKey(notice),
    toOpenId: notice.recipient,
    page: GUIDE_PAGE,
    content: { template: 'monthlyGuide', shopName: facts.shopName, month: notice.month, strategyTitle: facts.strategyTitle },
  })
  if (delivery.outcome === 'failed' && notice.attempts + 1 < MAX_NOTICE_ATTEMPTS) {
    await db.guideNotices.update({ _id: notice._id, state: 'claimed' }, { attempts: notice.attempts + 1, dueAt: now + 5 * 60_000 })
    return null
  }
  if (delivery.outcome === 'noConsent') {
    const fresh = await record(db, notice, 'inbox', now)
    await writeOffConsents(db, notice.recipient, MONTHLY_GUIDE)
    return fresh
  }
  return record(db, notice, delivery.outcome, now, delivery.outcome === 'sent' && delivery.assumed === true)
}

/**
 * Brings one notice as far as it can go now: without a consent held a pending one is recorded as
 * told on 首页 and in 消息 only; with one, it is claimed and sent once due (a notice in quiet hours
 * stays pending until 08:00); a claimed one (a run died mid-way) is sent again with its key.
 */
export const settleNotice = async (deps: SendDeps, db: Repos, notice: GuideNotice, facts: () => Promise<NoticeFacts>, now: number): Promise<NoticeOutcome | null> => {
  if (notice.state === 'done') return null
  if (notice.state === 'pending') {
    // Without a consent there is no message to wait for: told on 首页 and in 消息, and done.
    const held = await consentsHeld(db, notice.recipient, MONTHLY_GUIDE)
    if (held > 0 && (notice.dueAt ?? 0) > now) return null
    if (held <= 0) {
      const told = await db.guideNotices.update(
        { _id: notice._id, state: 'pending' },
        { state: 'done', outcome: 'inbox', charged: false, dueAt: null, recordedAt: new Date(now).toISOString() },
      )
      return told === 1 ? 'inboxOnly' : null
    }
    const claimed = await db.guideNotices.update({ _id: notice._id, state: 'pending' }, { state: 'claimed', charged: true })
    if (claimed === 0) return null // another run took it
    await chargeConsent(db, notice.recipient, MONTHLY_GUIDE, notice._id)
    return send(deps, db, { ...notice, state: 'claimed', charged: true }, await facts(), now)
  }
  return (notice.dueAt ?? 0) > now ? null : send(deps, db, notice, await facts(), now)
}

/**
 * The notice of (shop, month) to its owner, created on first sight: the guide shows on 首页 and in
 * 消息 at once; the message goes now, or at 08:00 when now is in quiet hours ('deferred').
 */
export const tellNewGuide = async (
  deps: SendDeps,
  db: Repos,
  spec: { licenseNo: string; month: string; recipient: string },
  facts: () => Promise<NoticeFacts>,
  now: number,
): Promise<NoticeOutcome | null> => {
  const id = noticeId(spec.licenseNo, spec.month)
  let notice = await db.guideNotices.get(id)
  let created = false
  if (!notice) {
    const fresh: GuideNotice = {
      _id: id,
      licenseNo: spec.licenseNo,
      month: spec.month,
      recipient: spec.recipient,
      template: MONTHLY_GUIDE,
      state: 'pending',
      dueAt: outOfQuietHours(now, Infinity),
      charged: false,
      attempts: 0,
      createdAt: new Date(now).toISOString(),
    }
    created = await db.guideNotices.insert(fresh)
    notice = created ? fresh : await db.guideNotices.get(id)
    if (!notice) return null
  }
  const outcome = await settleNotice(deps, db, notice, facts, now)
  return outcome ?? (created && notice.state === 'pending' && (notice.dueAt ?? 0) > now ? 'deferred' : null)
}

/** Notices whose message is due (quiet hours over, or a retry), in pages: the reminder tick finishes them. */
export const settleDueNotices = async (deps: SendDeps, db: Repos, now: number, factsOf: (notice: GuideNotice) => Promise<NoticeFacts>, page = 500): Promise<GuideNoticeTally> => {
  const tally: GuideNoticeTally = { inboxOnly: 0, sent: 0, failed: 0, deferred: 0 }
  let after = ''
  for (;;) {
    const due = await db.guideNotices.find({ dueAt: { $gte: 0, $lte: now }, _id: { $gt: after } }, { sort: { _id: 1 }, limit: page })
    for (const notice of due) {
      const outcome = await settleNotice(deps, db, notice, () => factsOf(notice), now)
      if (outcome) tally[outcome]++
    }
    if (due.length < page) return tally
    after = due[due.length - 1]._id
  }
}
