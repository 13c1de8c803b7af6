import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import { ORDER_REMINDER } from './content'
import type { ConsentsData } from '../../contracts/results'
import type { SubscribeTemplate } from '../../contracts/vocabulary'
import type { Consent } from '../model'

/**
 * Subscribe-message consents are one message each. We count what a user granted (the client
 * reports each template `requestSubscribeMessage` came back with as accepted) and subtract the
 * slots that hold one: claiming a slot is what spends a consent, so a retried or crashed send
 * can never spend two. Slots older than the retention horizon are deleted (core/retention.ts);
 * before they go, their charges are folded into the consent's own `spentBefore`, so what was
 * spent stays spent.
 */

export const consentId = (openId: string, template: SubscribeTemplate): string => `${openId}|${template}`

/** Charged slots due at or after `from` (those before it are counted in the consent's spentBefore). */
export const chargedSince = (db: Repos, openId: string, template: SubscribeTemplate, from: number, to?: number): Promise<number> =>
  db.reminderSlots.count({ recipient: openId, template, charged: true, dueAt: to === undefined ? { $gte: from } : { $gte: from, $lt: to } })

const spentOf = async (db: Repos, consent: Consent): Promise<number> =>
  (consent.spentBefore ?? 0) + (await chargedSince(db, consent.openId, consent.template, consent.foldedUpTo ?? 0))

/** Consents this user still holds for the template. */
export const consentsHeld = async (db: Repos, openId: string, template: SubscribeTemplate = ORDER_REMINDER): Promise<number> => {
  const consent = await db.consents.get(consentId(openId, template))
  if (!consent) return 0
  return Math.max(0, consent.granted - (await spentOf(db, consent)))
}

/** One consent per accepted template in this tap (WeChat accepts a template at most once per request). */
export const addConsents = async (deps: Deps, caller: string, templates: readonly SubscribeTemplate[]): Promise<ConsentsData> => {
  const db = repos(deps.store)
  for (const template of new Set(templates)) {
    await db.consents.increment(consentId(caller, template), 'granted', 1, { openId: caller, template, granted: 0 })
  }
  return { template: ORDER_REMINDER, left: await consentsHeld(db, caller) }
}

/**
 * WeChat answered 43101: this user holds no consent for the template, whatever we counted (they
 * may have turned subscriptions off in WeChat's settings). Our count follows WeChat's.
 */
export const writeOffConsents = async (db: Repos, openId: string, template: SubscribeTemplate): Promise<void> => {
  const consent = await db.consents.get(consentId(openId, template))
  if (consent) await db.consents.update({ _id: consent._id }, { granted: await spentOf(db, consent) })
}
