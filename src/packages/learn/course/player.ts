import Taro from '@tarojs/taro'

/** The one id of the course page's Video. */
export const VIDEO_ID = 'course-video'

/** The speeds offered (倍速): 0.75× to 1.5×, the fastest the completion rule credits. */
export const RATES = [0.75, 1, 1.25, 1.5] as const

/**
 * Sets the playing speed. WeChat's VideoContext has playbackRate(); Taro's H5 Video is a web component
 * around a plain <video>, whose playbackRate is set directly.
 */
export const setRate = (rate: number): void => {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.createVideoContext(VIDEO_ID).playbackRate(rate)
    return
  }
  const video = document.querySelector<HTMLVideoElement>(`#${VIDEO_ID} video`)
  if (video) video.playbackRate = rate
}
