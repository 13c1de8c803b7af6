/**
 * For fault tests run in child processes: a data folder's deps whose every port call (store
 * methods, the notifier's send) passes one point, which kills the process with SIGKILL just before
 * or just after (CRASH_WHEN) the CRASH_AT-th call named CRASH_OP (`reminderSlots.insert`,
 * `notifier.send`, … or `*` for any call). Nothing in the core knows: the crash is injected at the
 * port boundary. Kills go to `kills.log` and send attempts to `attempts.log` in the data folder.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import type { Collection, Deps, Doc, DocumentStore, Notifier } from '../../cloudfunctions/core/ports'

const METHODS = ['get', 'find', 'count', 'insert', 'put', 'putMany', 'update', 'increment', 'remove', 'group', 'findOneWith'] as const

export const crashingDeps = async (env: NodeJS.ProcessEnv): Promise<{ deps: Deps; calls: () => number }> => {
  const dataDir = env.DATA_DIR as string
  const crashAt = Number(env.CRASH_AT ?? 0)
  const crashOp = env.CRASH_OP ?? '*'
  const crashAfter = env.CRASH_WHEN === 'after'
  let calls = 0
  let matching = 0

  /** Every port call passes here; the chosen one is the last thing this process does. */
  const point = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    calls++
    const n = crashOp === '*' || crashOp === what ? ++matching : 0
    const die = () => {
      appendFileSync(join(dataDir, 'kills.log'), `${crashAfter ? 'after' : 'before'} ${what}\n`)
      process.kill(process.pid, 'SIGKILL')
    }
    if (n === crashAt && !crashAfter) die()
    const result = await work()
    if (n === crashAt && crashAfter) die()
    return result
  }

  const crashingStore = (store: DocumentStore): DocumentStore => ({
    collection<T extends Doc>(name: string): Collection<T> {
      const inner = store.collection<T>(name)
      const wrapped = {} as Record<string, unknown>
      for (const method of METHODS) {
        const fn = inner[method] as (...args: unknown[]) => Promise<unknown>
        wrapped[method] = (...args: unknown[]) => point(`${name}.${method}`, () => fn.apply(inner, args))
      }
      return wrapped as unknown as Collection<T>
    },
  })

  const home = await openLocalHome(dataDir)
  const deps = home.deps(fixedClock(env.NOW as string))
  const outbox = deps.notifier
  const notifier: Notifier = {
    ...outbox,
    send: (message) =>
      point('notifier.send', () => {
        // Every attempt is logged before it reaches the outbox, so the test sees re-sends the key absorbed.
        appendFileSync(join(dataDir, 'attempts.log'), `${message.key}\n`)
        return outbox.send(message)
      }),
  }
  return { deps: { ...deps, store: crashingStore(deps.store), notifier }, calls: () => calls }
}

/** Records the port calls of an in-process run, to aim the crashes of the killed runs at the same instants. */
export const recordingDeps = (deps: Deps, calls: string[]): Deps => ({
  ...deps,
  store: {
    collection<T extends Doc>(name: string): Collection<T> {
      const inner = deps.store.collection<T>(name)
      return new Proxy(inner, {
        get: (target, prop) => {
          const value = Reflect.get(target, prop)
          return typeof value === 'function' ? (...args: unknown[]) => (calls.push(`${name}.${String(prop)}`), value.apply(target, args)) : value
        },
      })
    },
  },
  notifier: { dedupesByKey: deps.notifier.dedupesByKey, send: (m) => (calls.push('notifier.send'), deps.notifier.send(m)) },
})
