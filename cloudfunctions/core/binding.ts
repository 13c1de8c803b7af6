import { fail } from './errors'
import type { Deps } from './ports'
import { repos } from './repos'
import { takeTry, type HourlyLimit } from './rateLimit'
import type { BindResult } from '../contracts/results'

/**
 * Wrong license/phone pairs allowed per WeChat user per hour before binding is paused, and per
 * licence whoever tries (many WeChat users guessing one shop's phone).
 */
export const BIND_LIMIT: HourlyLimit = { name: 'bind', perCaller: 5, perTarget: 10, reason: 'bindTries' }

/**
 * Links a WeChat user to their shop: the license number plus the phone number on the company's
 * record, verified by WeChat. Every mismatch gets the same message, so the endpoint cannot be
 * used to learn which licenses exist or whose phone is whose.
 */
export const bindRetailer = async (
  deps: Deps,
  caller: string,
  licenseNo: string,
  phoneCode: string,
): Promise<BindResult> => {
  const db = repos(deps.store)
  const now = deps.clock.now().getTime()
  const attempt = await takeTry(db, BIND_LIMIT, { caller, target: licenseNo }, now)

  const [mine] = await db.bindings.find({ openId: caller }, { limit: 1 })
  if (mine) {
    await attempt.giveBack()
    if (mine._id !== licenseNo) fail('ALREADY_BOUND', 'boundToOther')
    const retailer = await db.retailers.get(licenseNo)
    return { licenseNo, shopName: retailer?.shopName ?? '' }
  }

  const retailer = await db.retailers.get(licenseNo)
  // WeChat failing to decode for its own reasons (quota, outage) is no wrong try: it is given back.
  const phone = await deps.phones.phoneFromCode(phoneCode).catch(async (error: unknown) => {
    await attempt.giveBack()
    throw error
  })
  if (!retailer || !phone || phone !== retailer.phone) return fail('NOT_FOUND', 'phoneMismatch')
  await attempt.giveBack()

  // The license is the binding's id, so two users racing for one shop cannot both win.
  const won = await db.bindings.insert({ _id: licenseNo, openId: caller, boundAt: new Date(now).toISOString() })
  if (!won) fail('ALREADY_BOUND', 'retailerBoundElsewhere')
  return { licenseNo, shopName: retailer.shopName }
}
