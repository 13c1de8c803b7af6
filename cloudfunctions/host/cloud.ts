import * as tcb from '@cloudbase/node-sdk'
import type { Reply } from '../contracts'
import type { Deps, ImportWorkers, TickWorkers } from '../core/ports'
import type { RemindTickReport, TickShare } from '../contracts/results'
import { failure, invokeCallable, invokeTimer, type FunctionDef } from '../functions/define'
import { systemClock } from '../adapters/node/clock'
import { nodeTokens } from '../adapters/node/tokens'
import { cloudNotifier } from '../adapters/cloudbase/notifier'
import { cloudPhones } from '../adapters/cloudbase/phones'
import { CloudBaseStore } from '../adapters/cloudbase/store'
import { cloudFiles } from '../adapters/cloudbase/files'
import { nodeImportIo } from '../adapters/node/importIo'
import { cloudCatalogueMedia } from '../adapters/node/catalogueMedia'
import { cloudMediaLinks } from '../adapters/cloudbase/media'

/**
 * The reminder timer's workers: the function invoking itself with a share of the instant, as a
 * Timer event (no OPENID: users can never send one, so only our own functions can start a worker).
 */
export const cloudTickWorkers = (callFunction: (name: string, data: object) => Promise<{ result?: unknown }>): TickWorkers => ({
  remindTick: async (share: TickShare): Promise<RemindTickReport> => {
    const { result } = await callFunction('remindTick', { Type: 'Timer', TriggerName: 'remindTickWorker', share })
    const reply = result as Reply<RemindTickReport> | undefined
    if (!reply || !reply.ok) throw new Error(`remindTick worker ${JSON.stringify(share)} failed: ${reply ? reply.error.message : 'no answer'}`)
    return reply.data
  },
})

/**
 * The next chunk of an import: `importChunk` invoked with a Timer-shaped event naming the import.
 * node-sdk's callFunction waits for the callee's answer, and a chunk runs for minutes: the request
 * is given up after `waitMs` while the invoked chunk runs on (and if the invocation was lost, the
 * timer's next firing starts the chunk).
 */
export const cloudImportWorkers = (callFunction: (name: string, data: object, timeoutMs: number) => Promise<unknown>, waitMs = 3000): ImportWorkers => ({
  next: async (importId: string): Promise<void> => {
    await callFunction('importChunk', { Type: 'Timer', TriggerName: 'importChunkNext', importId }, waitMs).catch((error: unknown) => {
      // A timeout is expected (the chunk outlives the wait); anything else is left to the timer.
      if (!/timeout|ESOCKETTIMEDOUT|ETIMEDOUT/i.test(String((error as { message?: unknown })?.message ?? error))) throw error
    })
  },
})

/** What a deployed function gets from where it runs: who is calling, and the adapters. */
export interface Platform {
  /** The OPENID the platform vouches for in this invocation; null for timer triggers and console tests. */
  callerOf(context: unknown): string | null
  /** The adapters, shared by every invocation in the container. */
  deps(): Deps
}

/**
 * CloudBase. The caller is WX_OPENID, which the platform puts in the process environment for each
 * invocation of a classic function (node-sdk's getUserInfo reads it there, as wx-server-sdk's
 * getWXContext does), so the context argument is not needed. Nothing is initialised until the
 * first invocation: loading a bundle has no side effects.
 */
export const cloudPlatform = (): Platform => {
  let app: tcb.CloudBase | undefined
  let deps: Deps | undefined
  const cloudbase = (): tcb.CloudBase => (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }))
  return {
    callerOf: () => cloudbase().auth().getUserInfo().openId || null,
    deps: () =>
      (deps ??= {
        store: new CloudBaseStore(cloudbase().database()),
        clock: systemClock,
        notifier: cloudNotifier(),
        phones: cloudPhones(),
        tokens: nodeTokens,
        files: cloudFiles({ getTempFileURL: (options) => cloudbase().getTempFileURL(options) }),
        workers: cloudTickWorkers((name, data) => cloudbase().callFunction({ name, data })),
        imports: cloudImportWorkers((name, data, timeout) => cloudbase().callFunction({ name, data }, { timeout })),
        importIo: (bytes) => nodeImportIo(bytes, { media: cloudCatalogueMedia(cloudFiles({ getTempFileURL: (options) => cloudbase().getTempFileURL(options) })) }),
        media: cloudMediaLinks(cloudbase),
      }),
  }
}

/** A classic function's entry: `exports.main = async (event, context) => …`. */
export type CloudMain = (event: unknown, context?: unknown) => Promise<Reply<unknown>>


const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Timer triggers call with `{ Type: 'Timer', TriggerName, Time, Message }`. */
const isTimerEvent = (event: unknown): boolean => isObject(event) && event.Type === 'Timer'

/**
 * wx.cloud.callFunction adds `userInfo: { appId, openId }` to every event. It is neither trusted
 * (the caller comes from the platform) nor an unknown field to reject, so it is dropped before
 * the strict schema sees the event.
 */
const withoutUserInfo = (event: unknown): unknown => {
  if (!isObject(event) || !('userInfo' in event)) return event
  const { userInfo, ...rest } = event
  void userInfo
  return rest
}

/**
 * Wraps a function definition for CloudBase. A timer function runs only for its trigger (no
 * OPENID, a Timer event); a callable runs only for users. Anything else is FORBIDDEN, so a user
 * cannot fire a tick and a forged Timer event cannot reach a callable.
 */
export const cloudMain =
  (def: FunctionDef, platform: Platform = cloudPlatform()): CloudMain =>
  async (event, context) => {
    try {
      const caller = platform.callerOf(context)
      const tick = caller === null && isTimerEvent(event)
      if (def.kind === 'timer') {
        if (!tick) return failure('FORBIDDEN', 'timerOnly')
        return await invokeTimer(def, { caller: null, deps: platform.deps() }, event)
      }
      if (tick) return failure('FORBIDDEN', 'notForTimer')
      return await invokeCallable(def, withoutUserInfo(event), { caller, deps: platform.deps() })
    } catch (error) {
      // Only the platform itself (initialising the SDKs) can throw here; callers see no detail.
      console.error(`[${def.name}] platform error`, error)
      return failure('INTERNAL', 'internal')
    }
  }
