import type { ErrorCode } from '../contracts/vocabulary'

/**
 * Errors are values: a code the app can act on, and a reason (with its figures) that
 * `cloudfunctions/words/errors.ts` turns into the sentence the user reads. The core throws
 * AppError; function entries turn it into `{ ok: false, error: { code, message } }`. Anything
 * else becomes INTERNAL with a generic message, so no stack trace reaches a caller.
 */
export const ERROR_REASONS = [
  'notInWeChat',
  'badEvent',
  'internal',
  'notBound',
  'retailerMissing',
  'noScope',
  'helperMissing',
  'ownHelpersFull',
  'retailerHelpersFull',
  'neighbourFull',
  'inviteInvalid',
  'inviteWrongRetailer',
  'inviteUsed',
  'inviteExpired',
  'inviteCodeTries',
  'ownRetailer',
  'alreadyHelper',
  'badName',
  'settingsBusy',
  'bindTries',
  'boundToOther',
  'retailerBoundElsewhere',
  'phoneMismatch',
  'phoneServiceDown',
  'windowClosed',
  'notMarkedByPerson',
  'draftCycleOver',
  'draftOverQuota',
  'periodNotStarted',
  'adminOnly',
  'filesUnconfigured',
  'fileMissing',
  'importBusy',
  'timerOnly',
  'notForTimer',
  'noMarketingData',
  'noGuide',
  'strategyNotInGuide',
  'courseMissing',
  'modelStoreMissing',
  'progressBusy',
] as const
export type ErrorReason = (typeof ERROR_REASONS)[number]

/** Numbers or short texts a reason's sentence includes (a limit, a field list). */
export type ErrorFigures = Readonly<Record<string, string | number>>

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    readonly figures: ErrorFigures = {},
  ) {
    super(`${code}: ${reason}`)
    this.name = 'AppError'
  }
}

export const fail = (code: ErrorCode, reason: ErrorReason, figures?: ErrorFigures): never => {
  throw new AppError(code, reason, figures)
}
