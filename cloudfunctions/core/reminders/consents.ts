import type { Deps } from '../ports'
import type { Consent } from '../model'
import { repos, type Repos } from '../repos'
import { ORDER_REMINDER } from './content'
import type { ConsentsData } from '../../contracts/results'
import type { SubscribeTemplate } from '../../contracts/vocabulary'

/**
 * Subscribe-message consents are one message each. A consent document counts what a user granted
 * (the client reports each template `requestSubscribeMessage` came back with as accepted) and what
 * was spent: claiming a slot charges one, a slot that in the end sent nothing gives it back. The
 * count lives on the consent itself — slots are deleted when they grow old, so nothing may depend
 * on counting them — and each charge names its slot (`lastCharge`), so a run that resumes a
 * crashed one's slot charges it once.
 */

export const consentId = (openId: string, template: SubscribeTemplate): string => `${openId}|${template}`

/** Consents left on a consent document (absent: none). */
export const heldBy = (consent: Consent | null | undefined): number => (consent ? Math.max(0, consent.granted - (consent.spent ?? 0)) : 0)

/** The claims that held a consent, counted where they are kept: reminder slots, or new-guide notices. */
const chargedClaims = (db: Repos, openId: string, template: SubscribeTemplate): Promise<number> =>
  template === 'monthlyGuide'
    ? db.guideNotices.count({ recipient: openId, template, charged: true })
    : db.reminderSlots.count({ recipient: openId, template, charged: true })

/**
 * Consent documents written before they carried `spent` counted the charged slots instead; the
 * first read of such a document counts them once and writes the count down.
 */
export const withSpent = async (db: Repos, consent: Consent): Promise<Consent> => {
  if (consent.spent !== undefined) return consent
  const spent = await chargedClaims(db, consent.openId, consent.template)
  await db.consents.update({ _id: consent._id }, { spent })
  return { ...consent, spent }
}

/** Consent documents by id, for a page of recipients in one query. */
export const consentsOf = async (db: Repos, openIds: readonly string[], template: SubscribeTemplate = ORDER_REMINDER): Promise<Map<string, Consent>> => {
  const ids = [...new Set(openIds)].map((openId) => consentId(openId, template))
  if (ids.length === 0) return new Map()
  const found = await db.consents.find({ _id: { $in: ids } }, { limit: ids.length })
  const complete = await Promise.all(found.map((c) => withSpent(db, c)))
  return new Map(complete.map((c) => [c.openId, c]))
}

/** Consents left on a consent document already read (with a shop, say); absent: none. */
export const consentsLeft = async (db: Repos, consent: Consent | null | undefined): Promise<number> => (consent ? heldBy(await withSpent(db, consent)) : 0)

/** Consents this user still holds for the template. */
export const consentsHeld = async (db: Repos, openId: string, template: SubscribeTemplate = ORDER_REMINDER): Promise<number> =>
  consentsLeft(db, await db.consents.get(consentId(openId, template)))

/** Spends one consent for this slot; spending for the same slot again changes nothing. */
export const chargeConsent = async (db: Repos, openId: string, template: SubscribeTemplate, slotKey: string): Promise<void> => {
  await db.consents.update({ _id: consentId(openId, template), lastCharge: { $ne: slotKey } }, { lastCharge: slotKey }, { spent: 1 })
}

/** Gives back the consent a slot held when it sent nothing (WeChat refused it for good). */
export const refundConsent = async (db: Repos, openId: string, template: SubscribeTemplate, slotKey: string): Promise<void> => {
  await db.consents.update({ _id: consentId(openId, template), lastRefund: { $ne: slotKey } }, { lastRefund: slotKey }, { spent: -1 })
}

/** The WeChat template id the functions send a template with: what the app must ask consent for. */
export const templateIdOf = (deps: Pick<Deps, 'notifier'>, template: SubscribeTemplate): string | null => deps.notifier.templateId?.(template) ?? null
export const reminderTemplateId = (deps: Pick<Deps, 'notifier'>): string | null => templateIdOf(deps, ORDER_REMINDER)

/** One consent per accepted template in this tap (WeChat accepts a template at most once per request). */
export const addConsents = async (deps: Deps, caller: string, templates: readonly SubscribeTemplate[]): Promise<ConsentsData> => {
  const db = repos(deps.store)
  for (const template of new Set(templates)) {
    await db.consents.increment(consentId(caller, template), 'granted', 1, { openId: caller, template, granted: 0, spent: 0 })
  }
  // The answer speaks of the first template asked for: each tap asks for one.
  const template = templates[0] ?? ORDER_REMINDER
  return { template, left: await consentsHeld(db, caller, template), templateId: templateIdOf(deps, template) }
}

/**
 * WeChat answered 43101: this user holds no consent for the template, whatever we counted (they
 * may have turned subscriptions off in WeChat's settings). Our count follows WeChat's.
 */
export const writeOffConsents = async (db: Repos, openId: string, template: SubscribeTemplate): Promise<void> => {
  const consent = await db.consents.get(consentId(openId, template))
  if (!consent) return
  const { spent = 0 } = await withSpent(db, consent)
  await db.consents.update({ _id: consent._id }, { granted: spent })
}
