/**
 * One run of the monthly build in its own process, for the fault test: against DATA_DIR with the
 * clock at NOW, pages of PAGE_SIZE, and when CRASH_AT = n > 0 it kills itself (SIGKILL) just before
 * or just after (CRASH_WHEN) the n-th call through a port named CRASH_OP (`*` for any call).
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLocalHome } from '../../../cloudfunctions/host/local'
import { fixedClock } from '../../../cloudfunctions/adapters/node/clock'
import { buildMonth } from '../../../cloudfunctions/core/guidance/build'
import type { Collection, Doc, DocumentStore, Notifier } from '../../../cloudfunctions/core/ports'

const dataDir = process.env.DATA_DIR as string
const crashAt = Number(process.env.CRASH_AT ?? 0)
const crashOp = process.env.CRASH_OP ?? '*'
const crashAfter = process.env.CRASH_WHEN === 'after'
let matching = 0

const point = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
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

const METHODS = ['get', 'find', 'count', 'insert', 'put', 'putMany', 'update', 'increment', 'remove'] as const

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

const main = async (): Promise<void> => {
  const home = await openLocalHome(dataDir)
  const deps = home.deps(fixedClock(process.env.NOW as string))
  const outbox = deps.notifier
  const notifier: Notifier = {
    dedupesByKey: outbox.dedupesByKey,
    send: (message) =>
      point('notifier.send', () => {
        appendFileSync(join(dataDir, 'attempts.log'), `${message.key}\n`)
        return outbox.send(message)
      }),
  }
  const report = await buildMonth({ ...deps, store: crashingStore(deps.store), notifier }, { month: process.env.MONTH as string, pageSize: Number(process.env.PAGE_SIZE ?? 500) })
  process.stdout.write(JSON.stringify(report))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
