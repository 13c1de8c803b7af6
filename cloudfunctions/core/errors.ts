/**
 * Errors are values with a code. The core throws AppError; function entries turn it into
 * `{ ok: false, error: { code, message } }`. Anything else becomes INTERNAL with a generic
 * message, so no stack trace or internal detail ever reaches a caller.
 */
import type { ErrorCode } from '../contracts/vocabulary'

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
