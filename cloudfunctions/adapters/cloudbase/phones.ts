import type { PhoneVerifier } from '../../core/ports'
import { wxCloud } from './wx'

/**
 * wx-server-sdk returns open-API answers in camelCase (it converts WeChat's `phone_info`), so the
 * number is at `phoneInfo.purePhoneNumber`: the mainland number without country code.
 */
export interface PhoneNumberAnswer {
  phoneInfo?: { purePhoneNumber?: unknown }
}

/**
 * Decodes the code from the getPhoneNumber button. Any failure (expired or forged code, WeChat
 * down) reads as "no verified phone", which the binding treats like a wrong pair.
 */
export const wechatPhones = (getPhoneNumber: (params: { code: string }) => Promise<PhoneNumberAnswer>): PhoneVerifier => ({
  async phoneFromCode(code) {
    try {
      const phone = (await getPhoneNumber({ code })).phoneInfo?.purePhoneNumber
      return typeof phone === 'string' && phone !== '' ? phone : null
    } catch {
      return null
    }
  },
})

/** The phone verifier of a deployed function (needs `phonenumber.getPhoneNumber` in its config.json). */
export const cloudPhones = (): PhoneVerifier => wechatPhones((params) => wxCloud().openapi.phonenumber.getPhoneNumber(params))
