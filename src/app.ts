import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { adoptIdentityFromUrl } from '@/services/identity'
import { prefetchHome } from '@/services/home'
import './app.scss'
import './styles/platform'

const HOME = 'pages/index/index'

if (process.env.TARO_ENV === 'h5') {
  // Before the router reads the address: `/?as=<openid>` signs the H5 build in as that demo user.
  adoptIdentityFromUrl()
  // The browser mounts the app only after the first page's code arrives, too late to start early.
  const route = window.location.hash.replace(/^#\/?/, '').split('?')[0]
  if (route === '' || route === HOME) prefetchHome()
}

function App({ children }: PropsWithChildren) {
  useLaunch(({ path }) => {
    if (process.env.TARO_ENV === 'weapp') {
      // Only WeChat has wx.cloud; the environment id comes from .env (TARO_APP_CLOUD_ENV), never the code.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
      if (path.replace(/^\//, '') === HOME) prefetchHome()
    }
  })
  return children
}

export default App
