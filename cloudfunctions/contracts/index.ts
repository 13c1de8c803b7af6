/**
 * The one contract between the mini-program and the functions: event schemas, result types and
 * the reply envelope. Pages import types only, so no schema code reaches the mini-program bundle.
 */
import type { FunctionName } from './events'
import type { Results } from './results'
import type { ErrorCode } from './vocabulary'

export { events } from './events'
export type { EventOf, ParsedEventOf, FunctionName } from './events'
export type * from './results'
export * from './vocabulary'

export interface ErrorBody {
  code: ErrorCode
  message: string
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export type DataOf<N extends FunctionName> = Results[N]

// Every function with an event schema has a result type, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const contractsAgree: Same<FunctionName, keyof Results> = true
