/**
 * The one contract between the mini-program and the functions: event schemas, result types and
 * the reply envelope. Pages import types only, so no schema code reaches the mini-program bundle.
 */
import type { ErrorCode } from '../core/errors'
import type { FunctionName } from './events'
import type { Results } from './results'

export { events } from './events'
export type { EventOf, ParsedEventOf, FunctionName } from './events'
export type * from './results'
export type { ErrorCode } from '../core/errors'
export type { OrderWindow, CalendarOverride } from '../core/schedule'

export interface ErrorBody {
  code: ErrorCode
  message: string
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export type DataOf<N extends FunctionName> = Results[N]

// Every function with an event schema has a result type, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const contractsAgree: Same<FunctionName, keyof Results> = true
