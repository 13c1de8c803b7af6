import Taro from '@tarojs/taro'

/**
 * 长辈模式 (care mode): the retailer's own switch, kept on this phone only (it is about their eyes,
 * not their shop). In the H5 build `?care=1` / `?care=0` in the address sets it too, for demo links
 * and the browser test.
 */
export const CARE_KEY = 'shopmate.careMode'

/**
 * WeChat's font setting that counts as "large": a scale factor of 1.2 or more (standard is 1), or a
 * font size of 20px or more (standard is 16–17px). Chosen so 标准 and one step up do not trigger it.
 */
const LARGE_SCALE = 1.2
const LARGE_FONT_PX = 20

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

/** Whether the user has made WeChat's (or, in H5, the browser's) text large: the cue to suggest care mode. */
export const prefersLargeText = (): boolean => {
  if (process.env.TARO_ENV === 'h5') {
    // The browser's own default text size, which users raise in its settings (16px standard).
    return parseFloat(getComputedStyle(document.documentElement).fontSize) >= LARGE_FONT_PX
  }
  try {
    const base = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined
    if (typeof base?.fontSizeScaleFactor === 'number') return base.fontSizeScaleFactor >= LARGE_SCALE
    if (typeof base?.fontSizeSetting === 'number') return base.fontSizeSetting >= LARGE_FONT_PX
    return (Taro.getSystemInfoSync().fontSizeSetting ?? 0) >= LARGE_FONT_PX
  } catch {
    return false
  }
}
