import type { CSSProperties, PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useCareMode } from '@/lib/useCareMode'
import { BackBar } from './BackBar'

/**
 * Every page's root: `.page`, plus `.care` in 长辈模式 — the one switch app.scss styles from —
 * with --text-scale, how much larger than standard the user has set their text, which the
 * care-mode sizes are multiplied by. H5 sub-pages get a way back (BackBar).
 */
export function PageRoot({ className, children }: PropsWithChildren<{ className: string }>) {
  const { on, scale } = useCareMode()
  const style = on ? ({ '--text-scale': String(scale) } as CSSProperties) : undefined
  return (
    <View className={`page ${className}${on ? ' care' : ''}`} style={style}>
      <BackBar />
      {children}
    </View>
  )
}
