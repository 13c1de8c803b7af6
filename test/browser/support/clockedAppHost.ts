import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../../cloudfunctions/adapters/sqlite/store'
import { seedDemoCounty } from '../../../cloudfunctions/seed'
import type { AddressInfo } from 'node:net'
import { openLocalHome, type LocalHome } from '../../../cloudfunctions/host/local'
import { createHost } from '../../../cloudfunctions/host/server'
import { fixedClock } from '../../../cloudfunctions/adapters/node/clock'
import type { OutboxEntry } from '../../../cloudfunctions/adapters/local/outbox'
import { H5_BUILD } from './appHost'
import { copyOfTemplate } from './seedTemplate'

/**
 * The local host serving the real H5 build over a copy of the seeded demo county, with the functions'
 * clock pinned to an instant the test chooses (`setNow`) — as startAppHost, except that an order
 * can be marked inside a chosen window whatever today's date is. Timer ticks take their own
 * instant, as on the real host. The store is a copy of the seeded county (seedTemplate.ts).
 */
export interface ClockedAppHost {
  base: string
  home: LocalHome
  setNow(at: string): void
  /** POST /dev/timer/remindTick at `at`; resolves the reply. */
  tick(at: string): Promise<{ ok: boolean; data?: Record<string, number> }>
  outbox(): Promise<OutboxEntry[]>
  /**
   * Forgets the order marks of a shop's cycles from `cycleId` on: the seed marks the cycles of its
   * simulated purchases, which run to the day it was seeded, so a test acting in a cycle the real
   * date has passed starts it unordered.
   */
  forgetOrders(licenseNo: string, cycleId: string): Promise<void>
  call(name: string, event: unknown, caller: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
  close(): Promise<void>
}

/**
 * A data folder holding the demo county seeded as on `today` (its shop data runs to the day
 * before), for tests that need the data to end on a chosen day whatever the real date.
 */
const seededOn = async (today: string): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-seeded-'))
  const store = await new SqliteStore(dir).open()
  await seedDemoCounty(store, undefined, { today })
  store.close()
  return dir
}

export interface ClockedHostOptions {
  /** Seed the county as on this China date instead of copying the run's template (seeded today). */
  seedToday?: string
  /** A data folder prepared by the test (e.g. a hand-made shop imported into it); removed on close. */
  dataDir?: string
}

export const startClockedAppHost = async (now: string, options: ClockedHostOptions = {}): Promise<ClockedAppHost> => {
  const dataDir = options.dataDir ?? (options.seedToday ? await seededOn(options.seedToday) : copyOfTemplate())
  const local = await openLocalHome(dataDir)
  let clock = fixedClock(now)
  const home: LocalHome = { ...local, deps: (given) => local.deps(given ?? clock) }
  const server = createHost({ home, staticDir: H5_BUILD })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json()
  return {
    base,
    home,
    setNow: (at) => {
      clock = fixedClock(at)
    },
    tick: (at) => post('/dev/timer/remindTick', { now: at }),
    outbox: async () => (await fetch(`${base}/dev/outbox`)).json(),
    forgetOrders: async (licenseNo, cycleId) => {
      await local.store.collection('orders').remove({ licenseNo, cycleId: { $gte: cycleId } })
    },
    call: (name, event, caller) => post(`/fn/${name}`, event, { 'x-dev-openid': caller }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
