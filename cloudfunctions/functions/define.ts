import { AppError, type ErrorFigures, type ErrorReason } from '../core/errors'
import { errorText, eventIssuesText } from '../words/errors'
import type { Deps } from '../core/ports'
import { events, type DataOf, type FunctionName, type ParsedEventOf, type Reply } from '../contracts'

/**
 * How the platform called a function. `caller` is the OPENID the platform vouched for (CloudBase's
 * WX_OPENID, or the local host's X-Dev-OpenId header) — never anything from the event.
 */
export interface CallContext {
  caller: string | null
  deps: Deps
}

/** A function a mini-program user calls. */
export interface CallableDef<N extends FunctionName = FunctionName> {
  kind: 'callable'
  name: N
  /** WeChat open APIs the deployed function needs (goes to its config.json). */
  openapi?: string[]
  run(event: ParsedEventOf<N>, ctx: CallContext & { caller: string }): Promise<DataOf<N>>
}

/** A function fired only by its timer trigger. */
export interface TimerDef<D = unknown> {
  kind: 'timer'
  name: string
  /** CloudBase cron: 7 fields, seconds first, year last, UTC+8. */
  cron: string
  openapi?: string[]
  /** Seconds the platform lets one run take (CloudBase allows up to 900); the deploy's default otherwise. */
  timeout?: number
  run(ctx: CallContext): Promise<D>
}

export type FunctionDef = CallableDef<any> | TimerDef // eslint-disable-line @typescript-eslint/no-explicit-any

export const callable = <N extends FunctionName>(def: Omit<CallableDef<N>, 'kind'>): CallableDef<N> => ({
  kind: 'callable',
  ...def,
})

export const timer = <D>(def: Omit<TimerDef<D>, 'kind'>): TimerDef<D> => ({ kind: 'timer', ...def })

/** A refusal as the caller reads it: the code to act on, the reason in words. */
export const failure = (code: AppError['code'], reason: ErrorReason, figures?: ErrorFigures): Reply<never> => ({
  ok: false,
  error: { code, message: errorText(reason, figures) },
})

const asReply = async <T>(work: () => Promise<T>, name: string): Promise<Reply<T>> => {
  try {
    return { ok: true, data: await work() }
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.reason, error.figures)
    console.error(`[${name}] unexpected error`, error)
    return failure('INTERNAL', 'internal')
  }
}

/** Runs a callable the way every home runs it: authenticate, validate strictly, map errors. */
export const invokeCallable = async <N extends FunctionName>(
  def: CallableDef<N>,
  rawEvent: unknown,
  ctx: CallContext,
): Promise<Reply<DataOf<N>>> => {
  const caller = ctx.caller
  if (!caller) return failure('UNAUTHENTICATED', 'notInWeChat')
  const parsed = events[def.name].safeParse(rawEvent ?? {})
  if (!parsed.success) return failure('INVALID_ARGUMENT', 'badEvent', { detail: eventIssuesText(parsed.error.issues) })
  return asReply(() => def.run(parsed.data as ParsedEventOf<N>, { ...ctx, caller }), def.name)
}

/** Runs a timer function's tick; callers never reach this path. */
export const invokeTimer = <D>(def: TimerDef<D>, ctx: CallContext): Promise<Reply<D>> =>
  asReply(() => def.run(ctx), def.name)
