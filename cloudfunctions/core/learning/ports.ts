import type { Guide } from '../../contracts/guidance'
import type { MediaRef } from '../../contracts/learning'
import type { Repos } from '../repos'

/**
 * How 学习 reaches what lies outside the store: URLs for media, and the retailer's monthly guide.
 * Media links are optional in Deps; without them a media-folder path or cloud file id has no URL (null).
 */
export interface MediaLinks {
  /**
   * A URL the app can load for each reference that is not already an HTTPS URL: on a laptop a media-folder
   * path becomes the local host's `/media/<path>`, in CloudBase a cloud file id a temporary URL. null where
   * none can be made (a media-folder path in the cloud, a file the platform does not know).
   */
  urls(refs: readonly MediaRef[]): Promise<ReadonlyMap<MediaRef, string | null>>
}

/** The part of a digital operating guide (客户数字经营指导书) 学习 reads: the classes and the matched strategies. */
export type LearningGuide = Pick<Guide, 'month' | 'classes' | 'strategies'>

/** The guides the guidance work stores per retailer and month (core/guidance, `guides`). */
export interface GuideReader {
  guideOf(licenseNo: string, month: string): Promise<LearningGuide | null>
}

/** The stored guides, read where the monthly build writes them. */
export const storedGuides = (db: Repos): GuideReader => ({ guideOf: (licenseNo, month) => db.guides.get(`${licenseNo}|${month}`) })
