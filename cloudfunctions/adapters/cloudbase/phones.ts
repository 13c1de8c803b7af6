import { fail } from '../../core/errors'
import type { PhoneVerifier } from '../../core/ports'
import { wxCloud } from './wx'

/**
 * wx-server-sdk returns open-API answers in camelCase (it converts WeChat's `phone_info`), so the
 * number is at `phoneInfo.purePhoneNumber`: the mainland number without country code.
 */
export interface PhoneNumberAnswer {
  phoneInfo?: { purePhoneNumber?: unknown }
}

/** WeChat's answer to a code it cannot decode (expired, used, forged): the one error that means "no phone". */
export const INVALID_CODE = 40029

/** The WeChat errcode of an open-API failure, as wx-server-sdk reports it (errCode, or inside errMsg). */
export const wechatErrorCode = (error: unknown): number | null => {
  if (typeof error !== 'object' || error === null) return null
  const { errCode, errcode, errMsg, message } = error as Record<string, unknown>
  for (const code of [errCode, errcode]) if (typeof code === 'number' && Number.isFinite(code)) return code
  const text = [errMsg, message].filter((t): t is string => typeof t === 'string').join(' ')
  const found = /errcode["'\s:=]+(-?\d+)/i.exec(text) ?? /:fail\s+(-?\d+)/.exec(text)
  return found ? Number(found[1]) : null
}

/**
 * Decodes the code from the getPhoneNumber button. Only WeChat's invalid-code answer reads as "no
 * verified phone" (the binding treats it like a wrong pair, and counts it toward the lockout).
 * Anything else — a missing permission, a quota or rate limit, WeChat down — says nothing about
 * the caller: it is INTERNAL, and no try is counted.
 */
export const wechatPhones = (getPhoneNumber: (params: { code: string }) => Promise<PhoneNumberAnswer>): PhoneVerifier => ({
  async phoneFromCode(code) {
    let answer: PhoneNumberAnswer
    try {
      answer = await getPhoneNumber({ code })
    } catch (error) {
      const errcode = wechatErrorCode(error)
      if (errcode === INVALID_CODE) return null
      console.error(`[phones] getPhoneNumber failed (errcode ${errcode ?? 'unknown'})`, error)
      return fail('INTERNAL', 'phoneServiceDown')
    }
    const phone = answer.phoneInfo?.purePhoneNumber
    return typeof phone === 'string' && phone !== '' ? phone : null
  },
})

/** The phone verifier of a deployed function (needs `phonenumber.getPhoneNumber` in its config.json). */
export const cloudPhones = (): PhoneVerifier => wechatPhones((params) => wxCloud().openapi.phonenumber.getPhoneNumber(params))
