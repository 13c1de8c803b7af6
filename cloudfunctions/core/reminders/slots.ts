import type { Deps } from '../ports'
import type { Retailer, ReminderSlot } from '../model'
import type { Repos } from '../repos'
import type { OrderCycle } from '../schedule'
import { deliverOnce, deliveryOf, type Delivery } from './ledger'
import { consentsHeld, writeOffConsents } from './consents'
import { ORDER_REMINDER, reminderMessage } from './content'
import type { ReminderOffset, ReminderOutcome } from '../../contracts/vocabulary'

/**
 * One reminder slot — (retailer, cycle, offset, recipient) — goes out exactly once:
 *
 * 1. claim: insert the slot document, whose id is the slot key; `insert` is insert-if-absent, so
 *    of two runs (a retry, a crashed run's successor, an overlapping tick) only one claims it;
 * 2. send, with the slot key as the message key, through the sends ledger (ledger.ts);
 * 3. record the outcome with a compare-and-set from `claimed` to `done`.
 *
 * A run that dies after 1 leaves the slot `claimed`; the next tick finds it and resolves it with
 * the same key, which the ledger and the notifier turn into one delivery at most.
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

/** What settling a slot did: `fresh` when this run recorded it; `retry` when a failed send waits for the next tick. */
export type Settled = { outcome: ReminderOutcome; fresh: boolean } | { outcome: 'retry'; fresh: false }

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

const record = async (db: Repos, slot: ReminderSlot, delivery: Delivery | null, now: number): Promise<Settled> => {
  const outcome: ReminderOutcome = delivery?.outcome ?? 'missed'
  const recorded = await db.reminderSlots.update(
    { _id: slot._id, state: 'claimed' },
    {
      state: 'done',
      outcome,
      charged: outcome === 'sent',
      ...(delivery?.outcome === 'sent' && delivery.assumed ? { assumed: true } : {}),
      recordedAt: new Date(now).toISOString(),
    },
  )
  if (outcome === 'noConsent') await writeOffConsents(db, slot.recipient, slot.template)
  return { outcome, fresh: recorded === 1 }
}

/** Finishes a claimed slot while its window is open: (re-)send with the slot key. */
const resume = async (deps: Deps, db: Repos, slot: ReminderSlot, spec: SlotSpec, now: number): Promise<Settled> => {
  const message = reminderMessage({ key: slot._id, toOpenId: spec.recipient, role: spec.role, retailer: spec.retailer, cycle: spec.cycle, offset: spec.offset, now })
  const delivery = await deliverOnce(deps, message)
  if (delivery.outcome === 'failed' && slot.attempts + 1 < MAX_ATTEMPTS) {
    await db.reminderSlots.update({ _id: slot._id, state: 'claimed' }, { attempts: slot.attempts + 1 })
    return { outcome: 'retry', fresh: false }
  }
  return record(db, slot, delivery, now)
}

/** Finishes a claimed slot after its window closed: nothing is sent; the ledger says what happened. */
const resolveClosed = async (deps: Deps, db: Repos, slot: ReminderSlot, now: number): Promise<Settled> =>
  record(db, slot, await deliveryOf(deps, slot._id), now)

const settledOf = (slot: ReminderSlot): Settled => ({ outcome: slot.outcome ?? 'missed', fresh: false })

/** Sends a due slot whose window is open, exactly once; with no consent held it is recorded as noConsent. */
export const sendSlot = async (deps: Deps, db: Repos, spec: SlotSpec, now: number): Promise<Settled> => {
  const base = newSlot(spec, now)
  let slot = await db.reminderSlots.get(base._id)
  if (!slot) {
    if ((await consentsHeld(db, spec.recipient)) <= 0) {
      const claimed = await db.reminderSlots.insert({ ...base, state: 'done', charged: false, outcome: 'noConsent', recordedAt: base.claimedAt })
      if (claimed) return { outcome: 'noConsent', fresh: true }
    } else {
      const claimed: ReminderSlot = { ...base, state: 'claimed', charged: true }
      if (await db.reminderSlots.insert(claimed)) return resume(deps, db, claimed, spec, now)
    }
    slot = await db.reminderSlots.get(base._id) // another run claimed it first
    if (!slot) return { outcome: 'retry', fresh: false }
  }
  return slot.state === 'done' ? settledOf(slot) : resume(deps, db, slot, spec, now)
}

/**
 * Records a slot that will not be sent — its window closed, or a later reminder of the same
 * cycle supersedes it — unless an earlier run already claimed it: then it is resolved (sent
 * with its key while the window is open, else settled from the ledger).
 */
export const missSlot = async (deps: Deps, db: Repos, spec: SlotSpec, now: number, windowOpen: boolean): Promise<Settled> => {
  const base = newSlot(spec, now)
  let slot = await db.reminderSlots.get(base._id)
  if (!slot) {
    if (await db.reminderSlots.insert({ ...base, state: 'done', charged: false, outcome: 'missed', recordedAt: base.claimedAt })) {
      return { outcome: 'missed', fresh: true }
    }
    slot = await db.reminderSlots.get(base._id)
    if (!slot) return { outcome: 'retry', fresh: false }
  }
  if (slot.state === 'done') return settledOf(slot)
  return windowOpen ? resume(deps, db, slot, spec, now) : resolveClosed(deps, db, slot, now)
}
