import Taro from '@tarojs/taro'

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

/** Pages opened on top of the current one (back returns to it). */
export const SUBPAGES = {
  reminders: '/packages/me/reminders/index',
  helpers: '/packages/me/helpers/index',
  messages: '/packages/me/messages/index',
  family: '/pages/family/index',
  invite: '/pages/invite/index',
} as const

export const openPage = (page: keyof typeof SUBPAGES, query = ''): void => {
  void Taro.navigateTo({ url: `${SUBPAGES[page]}${query}` })
}
