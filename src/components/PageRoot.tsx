import type { CSSProperties, PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useCareMode } from '@/lib/useCareMode'

/**
 * Every page's root: `.page`, plus `.care` in 长辈模式 — the one switch app.scss styles from —
 * with --text-scale, how much larger than standard the user has set their text, which the
 * care-mode sizes are multiplied by.
 */
export function PageRoot({ className, children }: PropsWithChildren<{ className: string }>) {
  const { on, scale } = useCareMode()
  const style = on ? ({ '--text-scale': String(scale) } as CSSProperties) : undefined
  return (
    <View className={`page ${className}${on ? ' care' : ''}`} style={style}>
      {children}
    </View>
  )
}
