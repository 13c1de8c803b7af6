import Taro from '@tarojs/taro'
import type { CourseDetail, CourseProgressResult } from '@contracts/learning'
import { call, ClientError, NETWORK_MESSAGE } from './client'
import { forShop } from './learning'

/** One course (微课件) for the player, and what the player reports. */

export const fetchCourse = (id: string, retailer?: string): Promise<CourseDetail> => call('course', { id, ...forShop(retailer) })

/** What the player saw since the page opened (core/learning/completion.ts `reportOf`). */
export const saveCourseProgress = (
  id: string,
  report: { positionS: number; played: [number, number][] },
  retailer?: string,
): Promise<CourseProgressResult> => call('courseProgress', { id, report, ...forShop(retailer) })

/** A captions file's text (WebVTT): in WeChat with Taro.request (its domain is a request domain), in H5 with fetch. */
export const fetchText = async (url: string): Promise<string> => {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.request<string>({ url, dataType: '其他', responseType: 'text' })
      if (res.statusCode !== 200) throw new Error(String(res.statusCode))
      return res.data
    }
    const res = await fetch(url)
    if (!res.ok) throw new Error(String(res.status))
    return await res.text()
  } catch {
    throw new ClientError('NETWORK', NETWORK_MESSAGE)
  }
}
