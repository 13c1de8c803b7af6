import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { invokeCallable, invokeTimer, type CallableDef } from '../../cloudfunctions/functions/define'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos, type Repos } from '../../cloudfunctions/core/repos'
import type { Retailer } from '../../cloudfunctions/core/model'
import type { DataOf, EventOf, FunctionName, Reply } from '../../cloudfunctions/contracts'
import remindTick from '../../cloudfunctions/functions/remindTick'
import type { OrderWindow } from '../../cloudfunctions/contracts/vocabulary'

/**
 * A small county for order, reminder and helper tests: a few shops written straight into the
 * real embedded store in a temp dir, their owners bound, and every call made the way a home
 * makes it (authenticated, strictly validated) with the clock pinned to a chosen instant.
 */
export interface World {
  dir: string
  local: LocalHome
  db: Repos
  call<N extends FunctionName>(def: CallableDef<N>, caller: string | null, event: EventOf<N>, at: string): Promise<Reply<DataOf<N>>>
  /** Like call, but returns the data and fails the test on an error reply. */
  ok<N extends FunctionName>(def: CallableDef<N>, caller: string, event: EventOf<N>, at: string): Promise<DataOf<N>>
  tick(at: string): Promise<Reply<unknown>>
  close(): void
}

export const SAT_TO_MON: OrderWindow = { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' }

export const shop = (n: number, orderWindow: OrderWindow, overrides: Partial<Retailer> = {}): Retailer => {
  const licenseNo = `350625${String(200000 + n)}`
  return {
    _id: licenseNo,
    licenseNo,
    shopName: `测试${n}号便利店`,
    ownerName: '张三',
    phone: `1390000${String(n).padStart(4, '0')}`,
    businessType: '便利店',
    areaType: '城镇',
    district: '城关一片',
    grade: 12,
    integrityScore: 90,
    monthlyQuotaCartons: 40,
    orderWindow,
    manager: { name: '林志强', phone: '13500000000' },
    ...overrides,
  }
}

/** Opens a fresh world; `owners` maps each shop to the openid bound to it. */
export const openWorld = async (shops: { retailer: Retailer; owner?: string }[] = []): Promise<World> => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-'))
  const local = await openLocalHome(dir)
  const db = repos(local.store)
  await db.retailers.putMany(shops.map((s) => s.retailer))
  await db.bindings.putMany(shops.filter((s) => s.owner).map((s) => ({ _id: s.retailer.licenseNo, openId: s.owner as string, boundAt: '2026-01-01T00:00:00+08:00' })))
  const call: World['call'] = (def, caller, event, at) => invokeCallable(def, event, { caller, deps: local.deps(fixedClock(at)) })
  return {
    dir,
    local,
    db,
    call,
    ok: async (def, caller, event, at) => {
      const reply = await call(def, caller, event, at)
      if (!reply.ok) throw new Error(`${def.name} as ${caller} at ${at} failed: ${reply.error.code} ${reply.error.message}`)
      return reply.data
    },
    tick: (at) => invokeTimer(remindTick, { caller: null, deps: local.deps(fixedClock(at)) }),
    close: () => rmSync(dir, { recursive: true, force: true }),
  }
}
