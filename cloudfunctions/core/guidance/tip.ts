import type { Guide, GuideTip } from '../../contracts/guidance'
import type { StoredGuide } from '../model'

/** The guide a stored document holds: without its id and the tip kept for 首页. */
export const guideOfDoc = (doc: StoredGuide): Guide => {
  const { _id: _, tip: __, ...guide } = doc
  return guide
}

/** 首页's 本月经营建议: a guide's first strategy and its first action. */
export const guideTipOf = (guide: Pick<Guide, 'month' | 'classes' | 'strategies'>): GuideTip => {
  const first = guide.strategies[0]
  return {
    month: guide.month,
    classes: guide.classes.map((c) => c.id),
    strategy: first ? { id: first.id, title: first.title, why: first.why, action: first.actions[0] ?? null } : null,
  }
}
