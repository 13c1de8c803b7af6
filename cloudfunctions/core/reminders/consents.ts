import type { Deps } from '../ports'
import { repos, type Repos } from '../repos'
import { ORDER_REMINDER } from './content'
import type { ConsentsData } from '../../contracts/results'
import type { SubscribeTemplate } from '../../contracts/vocabulary'

/**
 * Subscribe-message consents are one message each. We count what a user granted (the client
 * reports each template `requestSubscribeMessage` came back with as accepted) and subtract the
 * slots that hold one: claiming a slot is what spends a consent, so a retried or crashed send
 * can never spend two.
 */

export const consentId = (openId: string, template: SubscribeTemplate): string => `${openId}|${template}`

/** Consents spent: the claims that hold one (reminder slots, or new-guide notices for monthlyGuide). */
const spentBy = (db: Repos, openId: string, template: SubscribeTemplate): Promise<number> =>
  template === 'monthlyGuide'
    ? db.guideNotices.count({ recipient: openId, template, charged: true })
    : db.reminderSlots.count({ recipient: openId, template, charged: true })

/** Consents this user still holds for the template. */
export const consentsHeld = async (db: Repos, openId: string, template: SubscribeTemplate = ORDER_REMINDER): Promise<number> => {
  const consent = await db.consents.get(consentId(openId, template))
  if (!consent) return 0
  return Math.max(0, consent.granted - (await spentBy(db, openId, template)))
}

/** One consent per accepted template in this tap (WeChat accepts a template at most once per request). */
export const addConsents = async (deps: Deps, caller: string, templates: readonly SubscribeTemplate[]): Promise<ConsentsData> => {
  const db = repos(deps.store)
  for (const template of new Set(templates)) {
    await db.consents.increment(consentId(caller, template), 'granted', 1, { openId: caller, template, granted: 0 })
  }
  // The answer speaks of the first template asked for: each tap asks for one.
  const template = templates[0] ?? ORDER_REMINDER
  return { template, left: await consentsHeld(db, caller, template) }
}

/**
 * WeChat answered 43101: this user holds no consent for the template, whatever we counted (they
 * may have turned subscriptions off in WeChat's settings). Our count follows WeChat's.
 */
export const writeOffConsents = async (db: Repos, openId: string, template: SubscribeTemplate): Promise<void> => {
  await db.consents.update({ _id: consentId(openId, template) }, { granted: await spentBy(db, openId, template) })
}
