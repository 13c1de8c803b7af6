import { HOUR_MS, MINUTE_MS, chinaIso } from '../time'
import { takeTry, type HourlyLimit } from '../rateLimit'
import { fail } from '../errors'
import type { Deps } from '../ports'
import { type Helper, type Invite } from '../model'
import { repos, type Repos } from '../repos'
import { ownRetailer } from '../identity'
import { MAX_HELPERS_PER_RETAILER, MAX_RETAILERS_PER_NEIGHBOUR, helperDocId } from './access'
import { logHelperAction } from './log'
import { reminderTemplateId } from '../reminders/consents'
import type { AcceptInviteResult, CreateInviteResult, InvitePreview } from '../../contracts/results'
import { HELPER_SCOPES, type HelperKind, type HelperScope } from '../../contracts/vocabulary'
import { normalName } from '../../contracts/names'

/**
 * Becoming a helper takes an invite from the shop's owner: a share-card link carrying a random
 * token (256 bits, valid 24 hours) or a 6-character code read out on the phone (valid 10 minutes).
 * Either is single use and stored only as its SHA-256, so the store never holds a usable secret.
 */

export const LINK_TTL_MS = 24 * HOUR_MS
export const CODE_TTL_MS = 10 * MINUTE_MS
/**
 * Wrong codes a caller may try per hour: 5 tries against ~10⁹ codes that live 10 minutes; and
 * failed opens of one invite, whoever tries.
 */
export const INVITE_CODE_LIMIT: HourlyLimit = { name: 'inviteCode', perCaller: 5, perTarget: 10, reason: 'inviteCodeTries' }

export type InviteRef = { token: string } | { code: string }

const inviteId = (deps: Deps, ref: InviteRef): string =>
  'token' in ref ? deps.tokens.hash(ref.token) : deps.tokens.hash(`code:${ref.code}`)

export const createInvite = async (
  deps: Deps,
  caller: string,
  request: { via: 'link' | 'code'; kind: HelperKind; scopes: HelperScope[] },
): Promise<CreateInviteResult> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  if ((await db.helpers.count({ licenseNo: retailer.licenseNo })) >= MAX_HELPERS_PER_RETAILER) {
    fail('LIMIT_REACHED', 'ownHelpersFull', { max: MAX_HELPERS_PER_RETAILER })
  }
  const now = deps.clock.now().getTime()
  const scopes = HELPER_SCOPES.filter((s) => request.scopes.includes(s))
  const expiresAt = now + (request.via === 'link' ? LINK_TTL_MS : CODE_TTL_MS)
  // A fresh code may collide with a live one; the insert says so and another is drawn.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ref = request.via === 'link' ? { via: 'link' as const, token: deps.tokens.randomToken() } : { via: 'code' as const, code: deps.tokens.randomCode() }
    const invite: Invite = {
      _id: inviteId(deps, ref),
      via: request.via,
      licenseNo: retailer.licenseNo,
      kind: request.kind,
      scopes,
      createdAt: new Date(now).toISOString(),
      expiresAt,
      usedBy: null,
      usedAt: null,
    }
    if (await db.invites.insert(invite)) {
      return { ...ref, retailer: { licenseNo: retailer.licenseNo, shopName: retailer.shopName }, kind: request.kind, scopes, expiresAt: chinaIso(expiresAt) }
    }
  }
  throw new Error('could not draw an unused invite secret')
}

const INVITE_PROBLEMS = {
  TOKEN_INVALID: 'inviteInvalid',
  TOKEN_WRONG_RETAILER: 'inviteWrongRetailer',
  TOKEN_USED: 'inviteUsed',
  TOKEN_EXPIRED: 'inviteExpired',
} as const

/**
 * The invite a ref names, checked in this order: it exists (TOKEN_INVALID), it is this shop's
 * when the caller says which shop they expect (TOKEN_WRONG_RETAILER), unused (TOKEN_USED),
 * unexpired (TOKEN_EXPIRED). Every failure with a code counts against the caller's and the invite's
 * hourly tries, counted before the look-up (rateLimit.ts).
 */
const openInvite = async (deps: Deps, db: Repos, caller: string, ref: InviteRef, expected?: string): Promise<Invite> => {
  const now = deps.clock.now().getTime()
  const id = inviteId(deps, ref)
  const attempt = 'code' in ref ? await takeTry(db, INVITE_CODE_LIMIT, { caller, target: id }, now) : null
  const invite = await db.invites.get(id)
  const problem: keyof typeof INVITE_PROBLEMS | null = !invite
    ? 'TOKEN_INVALID'
    : expected !== undefined && invite.licenseNo !== expected
      ? 'TOKEN_WRONG_RETAILER'
      : invite.usedBy !== null
        ? 'TOKEN_USED'
        : invite.expiresAt <= now
          ? 'TOKEN_EXPIRED'
          : null
  if (problem) return fail(problem, INVITE_PROBLEMS[problem])
  await attempt?.giveBack()
  return invite as Invite
}

const shopOf = async (db: Repos, licenseNo: string) => {
  const retailer = await db.retailers.get(licenseNo)
  return retailer ? { licenseNo, shopName: retailer.shopName } : fail('NOT_FOUND', 'retailerMissing')
}

/** What the helper sees before accepting: whose invite it is and what it allows. */
export const previewInvite = async (deps: Deps, caller: string, ref: InviteRef): Promise<InvitePreview> => {
  const db = repos(deps.store)
  const invite = await openInvite(deps, db, caller, ref)
  return {
    retailer: await shopOf(db, invite.licenseNo),
    kind: invite.kind,
    scopes: invite.scopes,
    expiresAt: chinaIso(invite.expiresAt),
  }
}

/** Among a group that must not exceed `max`, the first `max` by time of joining keep their place. */
const withinLimit = (group: readonly Helper[], id: string, max: number): boolean =>
  [...group]
    .sort((a, b) => a.addedAtMs - b.addedAtMs || a._id.localeCompare(b._id))
    .slice(0, max)
    .some((h) => h._id === id)

/**
 * Accepts an invite for the shop the helper was shown (`licenseNo`). The invite is consumed with
 * a compare-and-set, the helper added, and the limits checked again after the write, so two
 * helpers accepting at the same instant cannot both take the last place.
 */
export const acceptInvite = async (deps: Deps, caller: string, ref: InviteRef, licenseNo: string, name?: string): Promise<AcceptInviteResult> => {
  const db = repos(deps.store)
  // The schema normalised it; a name from any other caller of the core is checked the same way.
  const given = name === undefined ? '' : normalName(name)
  if (given === null) fail('INVALID_ARGUMENT', 'badName')
  const invite = await openInvite(deps, db, caller, ref, licenseNo)
  const [own] = await db.bindings.find({ openId: caller }, { limit: 1 })
  if (own?._id === invite.licenseNo) fail('CONFLICT', 'ownRetailer')
  const id = helperDocId(invite.licenseNo, caller)
  if (await db.helpers.get(id)) fail('CONFLICT', 'alreadyHelper')
  const full = (await db.helpers.count({ licenseNo: invite.licenseNo })) >= MAX_HELPERS_PER_RETAILER
  if (full) fail('LIMIT_REACHED', 'retailerHelpersFull', { max: MAX_HELPERS_PER_RETAILER })
  if (invite.kind === 'neighbour' && (await db.helpers.count({ openId: caller, kind: 'neighbour' })) >= MAX_RETAILERS_PER_NEIGHBOUR) {
    fail('LIMIT_REACHED', 'neighbourFull', { max: MAX_RETAILERS_PER_NEIGHBOUR })
  }

  const now = deps.clock.now().getTime()
  const consumed = await db.invites.update({ _id: invite._id, usedBy: null }, { usedBy: caller, usedAt: new Date(now).toISOString() })
  if (consumed === 0) fail('TOKEN_USED', 'inviteUsed')
  const release = () => db.invites.update({ _id: invite._id, usedBy: caller }, { usedBy: null, usedAt: null })

  const ownRetailerName = own ? (await db.retailers.get(own._id))?.shopName : undefined
  const helper: Helper = {
    _id: id,
    helperId: deps.tokens.randomToken().slice(0, 16),
    licenseNo: invite.licenseNo,
    openId: caller,
    kind: invite.kind,
    scopes: invite.scopes,
    name: given || ownRetailerName || (invite.kind === 'neighbour' ? '结对子邻居' : '家人帮手'),
    addedAt: new Date(now).toISOString(),
    addedAtMs: now,
  }
  if (!(await db.helpers.insert(helper))) {
    await release()
    fail('CONFLICT', 'alreadyHelper')
  }
  const overShop = !withinLimit(await db.helpers.find({ licenseNo: invite.licenseNo }), id, MAX_HELPERS_PER_RETAILER)
  const overNeighbour = invite.kind === 'neighbour' && !withinLimit(await db.helpers.find({ openId: caller, kind: 'neighbour' }), id, MAX_RETAILERS_PER_NEIGHBOUR)
  if (overShop || overNeighbour) {
    await db.helpers.remove({ _id: id })
    await release()
    if (overShop) fail('LIMIT_REACHED', 'retailerHelpersFull', { max: MAX_HELPERS_PER_RETAILER })
    fail('LIMIT_REACHED', 'neighbourFull', { max: MAX_RETAILERS_PER_NEIGHBOUR })
  }
  await logHelperAction(deps, helper, 'accept')
  return { retailer: await shopOf(db, invite.licenseNo), kind: helper.kind, scopes: helper.scopes, name: helper.name, templateId: reminderTemplateId(deps) }
}
