import type { CardProgress, RecommendReason } from '../contracts/learning'

/** The words of a course card: its length, how far the viewer got, why it is recommended. */

/** Seconds as the player shows them: 130 → 2:10, 3725 → 1:02:05. */
export const clockWords = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds))
  const mm = String(Math.floor(s / 60) % 60)
  const ss = String(s % 60).padStart(2, '0')
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`
}

/** 未开始 / 看到 2:10 / 已学完. */
export const cardProgressWords = (progress: CardProgress): string => {
  switch (progress.code) {
    case 'notStarted':
      return '未开始'
    case 'watching':
      return `看到 ${clockWords(progress.positionS)}`
    case 'completed':
      return '已学完'
  }
}

export const RECOMMEND_WORDS: Record<RecommendReason, string> = {
  strategy: '为您推荐',
  class: '适合您的店',
}

