import Taro from '@tarojs/taro'
import type {
  CourseDetail, CourseProgressResult, CoursesData, ModelStoreDetail, ModelStoresData, StoreAreaType, StoreBusinessType,
} from '@contracts/learning'
import { call, ClientError, NETWORK_MESSAGE } from './client'

/** 学习: the course list and a course, the player's progress, the model stores and one of them. */

/** `retailer`: a shop the caller helps with `insights` (a helper may watch for the shop); absent: the caller's own. */
const forShop = (retailer?: string) => (retailer ? { retailer } : {})

export const fetchCourses = (retailer?: string): Promise<CoursesData> => call('courses', forShop(retailer))

export const fetchCourse = (id: string, retailer?: string): Promise<CourseDetail> => call('course', { id, ...forShop(retailer) })

/** What the player saw since the page opened (core/learning/completion.ts `reportOf`). */
export const saveCourseProgress = (
  id: string,
  report: { positionS: number; played: [number, number][] },
  retailer?: string,
): Promise<CourseProgressResult> => call('courseProgress', { id, report, ...forShop(retailer) })

export interface StoreFilters {
  businessType?: StoreBusinessType
  areaType?: StoreAreaType
  district?: string
}

export const fetchModelStores = (filters: StoreFilters = {}, retailer?: string): Promise<ModelStoresData> =>
  call('modelStores', { ...filters, ...forShop(retailer) })

export const fetchModelStore = (id: string, retailer?: string): Promise<ModelStoreDetail> => call('modelStore', { id, ...forShop(retailer) })

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
