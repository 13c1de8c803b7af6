import Taro from '@tarojs/taro'
import type { MarkOrderedResult, OrderHistoryData, UndoOrderedResult } from '@contracts'
import { call } from './client'

/** 我已订货 for the caller's own shop, or 家人已代订 for a shop they help with `order`. */
export const markOrdered = (retailer?: string): Promise<MarkOrderedResult> => call('markOrdered', retailer ? { retailer } : {})

/** Undoes 我已订货 / 家人已代订 while the window is open. */
export const undoOrdered = (retailer?: string): Promise<UndoOrderedResult> => call('undoOrdered', retailer ? { retailer } : {})

/** The last 8 closed cycles of the caller's shop, or of one they help. */
export const fetchOrderHistory = (retailer?: string): Promise<OrderHistoryData> => call('orderHistory', retailer ? { retailer } : {})

/** Whether the platform opened, and what to tell the user (what was copied, or why nothing opened). */
export interface OpenPlatformResult {
  opened: boolean
  note: string
}

const NOT_CONFIGURED = '未配置订货平台地址，请联系客户经理'

/**
 * The local host's stand-in for the ordering platform (GET /dev/order-platform): the H5 build is
 * the demo, served only by the local host, so with no TARO_APP_ORDER_URL 去订货 opens the stand-in
 * rather than a dead end. A deployment sets TARO_APP_ORDER_URL to the real platform.
 */
export const STAND_IN_ORDER_URL = '/dev/order-platform'

const copyToClipboard = async (text: string): Promise<boolean> => {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}

/**
 * 去订货: the company's ordering platform. In WeChat it is another mini-program (app id and page
 * from TARO_APP_ORDER_APPID / TARO_APP_ORDER_PATH); in the browser, its web address
 * (TARO_APP_ORDER_URL, or the local host's stand-in). Each deployment sets these in `.env`; none
 * is written in the code. `carry`, the suggested order in words, is copied first so it can be
 * pasted there; the stand-in also receives it in the address's fragment (never sent to a server).
 */
export const openOrderPlatform = async (carry?: string): Promise<OpenPlatformResult> => {
  const copied = carry ? await copyToClipboard(carry) : false
  const copiedNote = copied ? '订货建议已复制，在订货平台里粘贴即可' : ''
  if (process.env.TARO_ENV === 'weapp') {
    const appId = process.env.TARO_APP_ORDER_APPID
    if (!appId) return { opened: false, note: NOT_CONFIGURED }
    try {
      await Taro.navigateToMiniProgram({ appId, path: process.env.TARO_APP_ORDER_PATH || undefined })
      return { opened: true, note: copiedNote }
    } catch {
      // The user tapped 取消 on WeChat's "about to open" sheet: nothing to say but what was copied.
      return { opened: false, note: copiedNote }
    }
  }
  const configured = process.env.TARO_APP_ORDER_URL
  const url = configured || `${STAND_IN_ORDER_URL}${carry ? `#order=${encodeURIComponent(carry)}` : ''}`
  window.open(url, '_blank', 'noopener')
  return { opened: true, note: copiedNote }
}

/** 拨打客户经理, 打电话给店主; cancelling WeChat's call sheet is not a failure. */
export const callPhone = (phone: string): void => {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}
