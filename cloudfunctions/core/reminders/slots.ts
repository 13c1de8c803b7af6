import type { Deps } from '../ports'
import type { Consent, Retailer, ReminderSlot } from '../model'
import type { Repos } from '../repos'
import type { OrderCycle } from '../schedule'
import { chargeConsent, heldBy, refundConsent, writeOffConsents } from './consents'
import { ORDER_REMINDER, reminderMessage } from './content'
import type { ReminderOffset, ReminderOutcome } from '../../contracts/vocabulary'

/**
 * One reminder slot — (retailer, cycle, offset, recipient) — goes out at most once, and exactly
 * once where the notifier dedupes by key (the local outbox):
 *
 * 1. claim: insert the slot document, whose id is the slot key, `claimed` and in flight since now;
 *    `insert` is insert-if-absent, so of two runs (a retry, a crashed run's successor, an
 *    overlapping tick) only one claims it. The claim charges one consent (once per slot key);
 * 2. send, with the slot key as the message key;
 * 3. record the outcome, claimed → done. Sent slots of a page are recorded in one request
 *    (`recordSent`); the others one by one.
 *
 * The slot is also the sends ledger. WeChat has no idempotency key, so a slot still in flight
 * after longer than a run can live belongs to a run that died between 1 and 3: nobody can know
 * whether WeChat got the call, so it is recorded as sent (`assumed`) rather than risk a second
 * message, and reported as reconciled. A deduping notifier is simply called again with the key.
 */

export const slotKey = (licenseNo: string, cycleId: string, offset: ReminderOffset, recipient: string): string =>
  `${licenseNo}|${cycleId}|${offset}|${recipient}`

/** A send WeChat refused for another reason than consent is tried this many times, one tick apart. */
export const MAX_ATTEMPTS = 3

export interface SlotSpec {
  retailer: Pick<Retailer, 'licenseNo' | 'shopName'>
  cycle: OrderCycle
  offset: ReminderOffset
  recipient: string
  role: 'owner' | 'helper'
  dueAt: number
}

/**
 * What settling a slot did: `fresh` when this run recorded it; `retry` when it waits for the next
 * tick; `reconciled` when a dead run's send was recorded as sent; `record` when a sent slot waits
 * for the page's one recording request.
 */
export type Settled =
  | { outcome: ReminderOutcome; fresh: boolean; reconciled?: true; record?: string }
  | { outcome: 'retry'; fresh: false }

/** What a page of slots shares: what is already stored, the recipients' consents, the run's rules. */
export interface SlotContext {
  deps: Deps
  db: Repos
  now: number
  /** Stored slots of this page, by key (absent: none yet). */
  stored: ReadonlyMap<string, ReminderSlot>
  /** The recipients' consents, by openId; spent here as slots are claimed. */
  consents: Map<string, Consent>
  /** A run is killed after this long: a slot in flight longer than this was left by a dead run. */
  runTimeoutMs: number
}

const newSlot = (spec: SlotSpec, now: number): Omit<ReminderSlot, 'state' | 'charged'> => ({
  _id: slotKey(spec.retailer.licenseNo, spec.cycle.cycleId, spec.offset, spec.recipient),
  licenseNo: spec.retailer.licenseNo,
  cycleId: spec.cycle.cycleId,
  offset: spec.offset,
  recipient: spec.recipient,
  role: spec.role,
  template: ORDER_REMINDER,
  dueAt: spec.dueAt,
  closesAt: spec.cycle.closesAt,
  attempts: 0,
  claimedAt: new Date(now).toISOString(),
})

const done = async (ctx: SlotContext, slot: ReminderSlot, outcome: ReminderOutcome, extra: Partial<ReminderSlot> = {}): Promise<{ outcome: ReminderOutcome; fresh: boolean }> => {
  const recorded = await ctx.db.reminderSlots.update(
    { _id: slot._id, state: 'claimed' },
    { state: 'done', outcome, charged: outcome === 'sent', sendingSince: null, recordedAt: new Date(ctx.now).toISOString(), ...extra },
  )
  if (slot.charged && outcome !== 'sent') await refundConsent(ctx.db, slot.recipient, slot.template, slot._id)
  if (outcome === 'noConsent') await writeOffConsents(ctx.db, slot.recipient, slot.template)
  return { outcome, fresh: recorded === 1 }
}

/** Sends a slot this run holds (claimed and in flight since now). */
const send = async (ctx: SlotContext, slot: ReminderSlot, spec: SlotSpec): Promise<Settled> => {
  if (slot.charged) await chargeConsent(ctx.db, slot.recipient, slot.template, slot._id)
  const message = reminderMessage({ key: slot._id, toOpenId: spec.recipient, role: spec.role, retailer: spec.retailer, cycle: spec.cycle, offset: spec.offset, now: ctx.now })
  const result = await ctx.deps.notifier.send(message)
  if (result.ok) return { outcome: 'sent', fresh: true, record: slot._id }
  if (result.reason === 'NO_CONSENT') return done(ctx, slot, 'noConsent')
  if (slot.attempts + 1 < MAX_ATTEMPTS) {
    await ctx.db.reminderSlots.update({ _id: slot._id, state: 'claimed' }, { attempts: slot.attempts + 1, sendingSince: null })
    return { outcome: 'retry', fresh: false }
  }
  return done(ctx, slot, 'failed')
}

/** A dead run's send, recorded as sent (it may have reached WeChat) with its consent charged once. */
const reconcile = async (ctx: SlotContext, slot: ReminderSlot): Promise<Settled> => {
  if (slot.charged) await chargeConsent(ctx.db, slot.recipient, slot.template, slot._id)
  return { ...(await done(ctx, slot, 'sent', { assumed: true })), reconciled: true }
}

/** Takes over a slot claimed earlier: a retry, or a slot a dead run left in flight. */
const resume = async (ctx: SlotContext, slot: ReminderSlot, spec: SlotSpec, windowOpen: boolean): Promise<Settled> => {
  const inFlight = slot.sendingSince !== undefined && slot.sendingSince !== null
  const dedupes = ctx.deps.notifier.dedupesByKey === true
  if (!windowOpen) {
    // Nothing is sent after the close; what the slot says is what happened.
    if (inFlight) return reconcile(ctx, slot)
    return done(ctx, slot, slot.attempts > 0 ? 'failed' : 'missed')
  }
  if (inFlight && !dedupes) {
    if (ctx.now - (slot.sendingSince as number) < ctx.runTimeoutMs) return { outcome: 'retry', fresh: false } // a live run holds it
    return reconcile(ctx, slot)
  }
  const taken = await ctx.db.reminderSlots.update({ _id: slot._id, state: 'claimed', attempts: slot.attempts }, { sendingSince: ctx.now })
  if (taken === 0) return { outcome: 'retry', fresh: false }
  return send(ctx, { ...slot, sendingSince: ctx.now }, spec)
}

const settledOf = (slot: ReminderSlot): Settled => ({ outcome: slot.outcome ?? 'missed', fresh: false })

/**
 * Settles one slot. `send`: the latest due reminder of an open window, sent when a consent is
 * held (else recorded as noConsent). `miss`: superseded by a later reminder or past the close,
 * recorded as missed — unless an earlier run claimed it, which is then finished.
 */
export const settleSlot = async (ctx: SlotContext, spec: SlotSpec, mode: 'send' | 'miss', windowOpen: boolean): Promise<Settled> => {
  const base = newSlot(spec, ctx.now)
  let slot = ctx.stored.get(base._id) ?? null
  if (!slot) {
    if (mode === 'miss') {
      if (await ctx.db.reminderSlots.insert({ ...base, state: 'done', charged: false, outcome: 'missed', recordedAt: base.claimedAt })) return { outcome: 'missed', fresh: true }
    } else {
      const consent = ctx.consents.get(spec.recipient)
      if (heldBy(consent) <= 0) {
        if (await ctx.db.reminderSlots.insert({ ...base, state: 'done', charged: false, outcome: 'noConsent', recordedAt: base.claimedAt })) return { outcome: 'noConsent', fresh: true }
      } else {
        const claimed: ReminderSlot = { ...base, state: 'claimed', charged: true, sendingSince: ctx.now }
        if (await ctx.db.reminderSlots.insert(claimed)) {
          // Spent here too, so a second slot of the same recipient in this page sees it.
          if (consent) ctx.consents.set(spec.recipient, { ...consent, spent: (consent.spent ?? 0) + 1 })
          return send(ctx, claimed, spec)
        }
      }
    }
    slot = await ctx.db.reminderSlots.get(base._id) // another run claimed it first
    if (!slot) return { outcome: 'retry', fresh: false }
  }
  return slot.state === 'done' ? settledOf(slot) : resume(ctx, slot, spec, windowOpen)
}

/** Records the page's sent slots as done in one request. */
export const recordSent = async (db: Repos, keys: readonly string[], now: number): Promise<void> => {
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000)
    await db.reminderSlots.update({ _id: { $in: chunk }, state: 'claimed' }, { state: 'done', outcome: 'sent', charged: true, sendingSince: null, recordedAt: new Date(now).toISOString() })
  }
}
