import Taro from '@tarojs/taro'
import type { VisitLink } from '@contracts/learning'
import { openPage } from '@/lib/routes'

/**
 * The AR探店 viewer page for a panorama image. In WeChat a web-view can show only pages on the mini
 * program's business domains (业务域名): the viewer (cloudfunctions/host/panorama, assembled by `npm run
 * build:panorama`) is hosted there and its address set in TARO_APP_PANORAMA_URL. On the local host it is
 * served at /panorama/.
 */
export const viewerUrl = (base: string, imageUrl: string, title: string): string =>
  `${base}${base.includes('?') ? '&' : '?'}src=${encodeURIComponent(imageUrl)}&title=${encodeURIComponent(title)}`

/** What happened: opened, or why not (the page says it). */
export type VisitOutcome = 'opened' | 'noPanorama' | 'viewerUnset' | 'wechatOnly'

/** 进入AR探店: a panorama in the viewer (web-view in WeChat, the local host's page in a browser), or another mini-program. */
export const openVisit = (visit: VisitLink, title: string): VisitOutcome => {
  if (visit.kind === 'miniProgram') {
    if (process.env.TARO_ENV !== 'weapp') return 'wechatOnly'
    void Taro.navigateToMiniProgram({ appId: visit.appId, path: visit.path })
    return 'opened'
  }
  if (!visit.url) return 'noPanorama'
  if (process.env.TARO_ENV === 'weapp') {
    if (!process.env.TARO_APP_PANORAMA_URL) return 'viewerUnset'
    openPage('visit', { src: visit.url, title })
    return 'opened'
  }
  // The local host's viewer, over the whole window; the browser's back returns to the store.
  window.location.assign(viewerUrl('/panorama/', visit.url, title))
  return 'opened'
}

export const VISIT_PROBLEMS: Record<Exclude<VisitOutcome, 'opened'>, string> = {
  noPanorama: '这家示范店的全景暂时打不开，请稍后再试',
  viewerUnset: '未配置全景查看页面地址，请联系客户经理',
  wechatOnly: '这家示范店的探店在另一个小程序里，请在微信中打开',
}
