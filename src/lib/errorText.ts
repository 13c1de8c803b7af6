import { ClientError } from '@/services/client'

/** The Chinese sentence to show for a failure: the function's own message, else a generic one. */
export const errorTextOf = (error: unknown): string =>
  error instanceof ClientError ? error.message : '出了点问题，请稍后再试'
