import type { PropsWithChildren } from 'react'
import { PageMeta, View } from '@tarojs/components'
import { useCareMode } from '@/lib/useCareMode'

/**
 * Every page's root: `.page`, plus `.care` in 长辈模式 — the one switch app.scss styles from. In
 * WeChat the page's rem follows the user's WeChat font size (PageMeta rootFontSize=system), so the
 * care-mode sizes, written in rem with a px floor, grow with it.
 */
export function PageRoot({ className, children }: PropsWithChildren<{ className: string }>) {
  const { on } = useCareMode()
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta rootFontSize='system' />}
      <View className={`page ${className}${on ? ' care' : ''}`}>{children}</View>
    </>
  )
}
