import { chinaIso } from '../time'
import { fail } from '../errors'
import type { Deps } from '../ports'
import { type Helper } from '../model'
import { repos, type Repos } from '../repos'
import { ownRetailer } from '../identity'
import { MAX_HELPERS_PER_RETAILER } from './access'
import type { HelperView, HelpersData } from '../../contracts/results'
import { HELPER_SCOPES, type HelperScope } from '../../contracts/vocabulary'

/** 我的 → 家人帮手: the owner sees, re-scopes and removes helpers. Every change applies at once. */

const viewOf = (h: Helper): HelperView => ({
  helperId: h.helperId,
  name: h.name,
  kind: h.kind,
  scopes: h.scopes,
  addedAt: chinaIso(h.addedAtMs),
})

/** A helper of the caller's own shop; the event's helperId cannot reach another shop's helper. */
const ownHelper = async (db: Repos, licenseNo: string, helperId: string): Promise<Helper> => {
  const [helper] = await db.helpers.find({ licenseNo, helperId }, { limit: 1 })
  return helper ?? fail('NOT_FOUND', 'helperMissing')
}

export const listHelpers = async (deps: Deps, caller: string): Promise<HelpersData> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const helpers = await db.helpers.find({ licenseNo: retailer.licenseNo }, { sort: { addedAtMs: 1, _id: 1 } })
  return { helpers: helpers.map(viewOf), max: MAX_HELPERS_PER_RETAILER }
}

export const updateHelper = async (deps: Deps, caller: string, helperId: string, scopes: HelperScope[]): Promise<HelperView> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const helper = await ownHelper(db, retailer.licenseNo, helperId)
  const next = HELPER_SCOPES.filter((s) => scopes.includes(s))
  await db.helpers.update({ _id: helper._id }, { scopes: next })
  return viewOf({ ...helper, scopes: next })
}

export const removeHelper = async (deps: Deps, caller: string, helperId: string): Promise<{ removed: true }> => {
  const db = repos(deps.store)
  const { retailer } = await ownRetailer(db, caller)
  const helper = await ownHelper(db, retailer.licenseNo, helperId)
  await db.helpers.remove({ _id: helper._id })
  return { removed: true }
}
