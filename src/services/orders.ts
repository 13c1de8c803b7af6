import Taro from '@tarojs/taro'
import type { MarkOrderedResult } from '@contracts'
import { call } from './client'

/** 我已订货 for the caller's own shop, or 家人已代订 for a shop they help with `order`. */
export const markOrdered = (retailer?: string): Promise<MarkOrderedResult> => call('markOrdered', retailer ? { retailer } : {})

export type OpenPlatformResult = { opened: true } | { opened: false; note: string }

const NOT_CONFIGURED = '未配置订货平台地址，请联系客户经理'

/**
 * 去订货: the company's ordering platform. In WeChat it is another mini-program (app id and page
 * from TARO_APP_ORDER_APPID / TARO_APP_ORDER_PATH); in the browser, its web address
 * (TARO_APP_ORDER_URL). Each deployment sets these in `.env`; none is written in the code.
 */
export const openOrderPlatform = async (): Promise<OpenPlatformResult> => {
  if (process.env.TARO_ENV === 'weapp') {
    const appId = process.env.TARO_APP_ORDER_APPID
    if (!appId) return { opened: false, note: NOT_CONFIGURED }
    try {
      await Taro.navigateToMiniProgram({ appId, path: process.env.TARO_APP_ORDER_PATH || undefined })
      return { opened: true }
    } catch {
      // The user tapped 取消 on WeChat's "about to open" sheet: nothing to say.
      return { opened: false, note: '' }
    }
  }
  const url = process.env.TARO_APP_ORDER_URL
  if (!url) return { opened: false, note: NOT_CONFIGURED }
  window.open(url, '_blank', 'noopener')
  return { opened: true }
}

/** 拨打客户经理; cancelling WeChat's call sheet is not a failure. */
export const callManager = (phone: string): void => {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}
