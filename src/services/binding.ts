import type { BindResult } from '@contracts'
import { call } from './client'

/**
 * Links this WeChat user to their shop. `phoneCode` is the getPhoneNumber button's code in WeChat;
 * on the local host it is the phone number itself.
 */
export const bindRetailer = (licenseNo: string, phoneCode: string): Promise<BindResult> =>
  call('bindRetailer', { licenseNo, phoneCode })
