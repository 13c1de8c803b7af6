/** 学习: micro-courses and model stores — captions, catalogues, the completion rule, the lists, the comparison. */
export { parseWebVtt, cuesAt } from './vtt'
export { validateCourses, validateModelStores, mediaRefKind, type MediaIndex, type MediaRefKind } from './catalogue'
export {
  COMPLETION_SHARE_PERCENT, MAX_RATE, CREDIT_SLACK_MS, RESTART_WITHIN_S, TICK_JITTER_FACTOR,
  toMs, mergeSpans, spanTotalMs, isCompleted, startTracking, trackTick, reportOf, startProgress, recordProgress, resumeAtS,
  type PlaybackTracker, type RecordOutcome,
} from './completion'
export { orderCourses, cardProgress, orderModelStores } from './listing'
export { compareWithModel, BETTER_WHEN } from './compare'
export { myFiguresOf } from './compare'
export { recommendationOf, latestGuide, NO_RECOMMENDATION, type Recommendation } from './recommend'
export type { MediaLinks, GuideReader, LearningGuide } from './ports'
