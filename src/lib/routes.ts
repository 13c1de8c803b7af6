import Taro from '@tarojs/taro'
import { ClientError } from '@/services/client'

/**
 * Where the app sends a retailer when the functions say who they are not. reLaunch, because the
 * pages involved mix tab and non-tab pages and the old page stack is no longer meaningful.
 */
export const PAGES = {
  home: '/pages/index/index',
  bind: '/pages/bind/index',
  signIn: '/pages/signin/index',
} as const

export const goTo = (page: keyof typeof PAGES): void => {
  void Taro.reLaunch({ url: PAGES[page] })
}

/**
 * Pages opened on top of the current one (back returns to it). Charts and the suggested order
 * live in a subpackage so the main package never carries their code.
 */
export const SUBPAGES = {
  reminders: '/packages/me/reminders/index',
  helpers: '/packages/me/helpers/index',
  inbox: '/packages/me/inbox/index',
  family: '/pages/family/index',
  invite: '/pages/invite/index',
  charts: '/packages/insights/charts/index',
  suggestedOrder: '/packages/insights/order/index',
  guide: '/packages/guide/index',
  profitSheet: '/packages/guide/profit/index',
  // 学习: the player, the model stores and their AR探店 visit (a web-view in WeChat).
  course: '/packages/learn/course/index',
  modelStores: '/packages/learn/stores/index',
  modelStore: '/packages/learn/store/index',
  visit: '/packages/learn/visit/index',
} as const

/** A page's address with its parameters; absent ones are left out (`retailer` names a shop the user helps). */
export const pageUrl = (page: keyof typeof SUBPAGES, params: Record<string, string | undefined> = {}): string => {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query === '' ? SUBPAGES[page] : `${SUBPAGES[page]}?${query}`
}

export const openPage = (page: keyof typeof SUBPAGES, params?: Record<string, string | undefined>): void => {
  void Taro.navigateTo({ url: pageUrl(page, params) })
}

/**
 * On the local host, a browser with no demo identity is sent to pick one (a loader's `leaves`).
 * In WeChat the platform always knows the user, so there this never leaves.
 */
export const leaveWhenSignedOut = (error: unknown): boolean => {
  if (process.env.TARO_ENV !== 'h5' || !(error instanceof ClientError && error.code === 'UNAUTHENTICATED')) return false
  goTo('signIn')
  return true
}
