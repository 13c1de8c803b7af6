import Taro from '@tarojs/taro'

/**
 * 长辈模式 (care mode): the retailer's own switch, kept on this phone only (it is about their eyes,
 * not their shop). In the H5 build `?care=1` / `?care=0` in the address sets it too, for demo links
 * and the browser test.
 */
export const CARE_KEY = 'shopmate.careMode'

/** Text set this much larger than standard counts as "large": the cue to suggest care mode. */
export const LARGE_TEXT_SCALE = 1.2
/** Standard text size in WeChat (fontSizeSetting) and in browsers, in px. */
const STANDARD_TEXT_PX = 16
const MAX_SCALE = 2

/** H5: `?care=1` / `?care=0` before the hash; taken once and dropped, so the switch in 我的 wins afterwards. */
const takeFromAddress = (): boolean | null => {
  if (process.env.TARO_ENV !== 'h5') return null
  const url = new URL(window.location.href)
  const value = url.searchParams.get('care')
  if (value !== '1' && value !== '0') return null
  url.searchParams.delete('care')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  return value === '1'
}

export const saveCareMode = (on: boolean): void => {
  try {
    Taro.setStorageSync(CARE_KEY, on ? '1' : '0')
  } catch {
    // Storage full or disabled: the switch still works for this visit.
  }
}

export const readCareMode = (): boolean => {
  const asked = takeFromAddress()
  if (asked !== null) {
    saveCareMode(asked)
    return asked
  }
  try {
    return Taro.getStorageSync(CARE_KEY) === '1'
  } catch {
    return false
  }
}

/**
 * How much larger than standard the user has set their text, at least 1: WeChat's font scale
 * (getAppBaseInfo().fontSizeScaleFactor, or its font size ÷ 16px on older WeChat); in H5 the
 * browser's root font size ÷ 16px, which users raise in the browser's settings.
 */
export const textScale = (): number => {
  let scale = 1
  try {
    if (process.env.TARO_ENV === 'h5') {
      scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / STANDARD_TEXT_PX
    } else {
      const base = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined
      const setting = base?.fontSizeSetting ?? Taro.getSystemInfoSync().fontSizeSetting
      scale = base?.fontSizeScaleFactor ?? (setting ? setting / STANDARD_TEXT_PX : 1)
    }
  } catch {
    // No reading of the user's text size: standard.
  }
  return Number.isFinite(scale) ? Math.min(MAX_SCALE, Math.max(1, scale)) : 1
}
