import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PAGES } from '@/lib/routes'

/** The tab pages: the tab bar is their way around, they need no way back. */
const TAB_PATHS = ['/pages/index/index', '/pages/insights/index', '/pages/learn/index', '/pages/me/index', '/pages/signin/index']

/** The page's path without its query, as the router knows it (H5 hash routes included). */
const currentPath = (): string => (Taro.getCurrentInstance().router?.path ?? '').split('?')[0]

/**
 * 返回 on the H5 build's sub-pages, which have no navigation bar of WeChat's to go back with: back
 * in the page stack, or — opened directly, from a link or a reminder — to 首页.
 */
export function BackBar() {
  if (process.env.TARO_ENV !== 'h5') return null
  const path = currentPath()
  if (path === '' || TAB_PATHS.includes(path) || path === '/') return null
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: PAGES.home })
  }
  return (
    <View className='back-bar'>
      <Button className='back-link' onClick={back}>
        ‹ 返回
      </Button>
    </View>
  )
}
