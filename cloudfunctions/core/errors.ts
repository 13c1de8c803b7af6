/**
 * Errors are values with a code. The core throws AppError; function entries turn it into
 * `{ ok: false, error: { code, message } }`. Anything else becomes INTERNAL with a generic
 * message, so no stack trace or internal detail ever reaches a caller.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'NOT_BOUND',
  'ALREADY_BOUND',
  'RATE_LIMITED',
  'CONFLICT',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  /** A genuine invite, but for another shop than the one the helper was shown. */
  'TOKEN_WRONG_RETAILER',
  'LIMIT_REACHED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const fail = (code: ErrorCode, message: string): never => {
  throw new AppError(code, message)
}
