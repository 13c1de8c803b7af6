import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import { DEMO_HELPERS, DEMO_RETAILERS } from '../../cloudfunctions/seed/identities'
import { getHome } from '../../cloudfunctions/core/home'
import { getSummary } from '../../cloudfunctions/core/insights/summary'
import { getGuide } from '../../cloudfunctions/core/guidance/read'
import { orderRecord } from '../../cloudfunctions/core/orders'
import { guideTipOf } from '../../cloudfunctions/core/guidance/tip'
import { repos } from '../../cloudfunctions/core/repos'
import { chinaDate } from '../../cloudfunctions/core/time'
import { bumpDataVersion } from '../../cloudfunctions/core/insights/freshness'
import type { Deps, DocumentStore } from '../../cloudfunctions/core/ports'
import { localPhones } from '../../cloudfunctions/adapters/local/phones'
import { nodeTokens } from '../../cloudfunctions/adapters/node/tokens'

/**
 * The pages' reads are joined: the shop and what is keyed by it come in one request. The same demo
 * county is seeded into the laptop's SQLite store and into the simulated CloudBase database (the
 * real CloudBase adapter's requests); home, summary and guide answer the same on both, and in
 * CloudBase each costs the requests the province drill's goals allow (home and guide ≤ 4,
 * summary ≤ 8) — for the owner and for a family helper.
 */
const NOW = Date.parse('2026-11-23T10:00:00+08:00') // Monday, the demo shop's window open
const owner = DEMO_RETAILERS[0]
const helper = DEMO_HELPERS[0]

/** A helper's requests apart from the one that logs what they looked at (helper-log writes). */
const beyondLog = (byCollection: Record<string, number> = {}) => {
  const reads = Object.fromEntries(Object.entries(byCollection).filter(([key]) => !key.startsWith('helperLog.')))
  expect(Object.keys(byCollection).some((key) => key.startsWith('helperLog.'))).toBe(true)
  return reads
}

const depsOver = (store: DocumentStore): Deps => ({
  store,
  clock: { now: () => new Date(NOW) },
  notifier: { send: async () => ({ ok: true }) },
  phones: localPhones,
  tokens: nodeTokens,
})

describe('home, summary and guide read the shop and what is keyed by it together', () => {
  let dir: string
  let sqlite: SqliteStore
  let sim: SimulatedCloudBase
  let cloud: Deps
  let local: Deps

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-joined-'))
    sqlite = await new SqliteStore(dir).open()
    sim = new SimulatedCloudBase({ unique: { bindings: ['openId'] } })
    local = depsOver(sqlite)
    cloud = depsOver(new CloudBaseStore(sim.database() as never))
    for (const store of [local.store, cloud.store]) {
      await seedDemoCounty(store, 30, { learning: false })
      // This cycle marked by the owner: home must find it among the shop's recent orders.
      const db = repos(store)
      await db.orders.put({ _id: `${owner.licenseNo}|2026-11-23`, licenseNo: owner.licenseNo, cycleId: '2026-11-23', source: 'self', by: owner.openId, at: '2026-11-23T09:00:00+08:00' })
    }
  }, 60_000)

  afterAll(() => {
    sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('home: the same answer from both stores, in 1 request while the calendar stands; this cycle ordered, the tip the newest guide kept', async () => {
    const mine = await getHome(local, owner.openId)
    const { result, calls } = await sim.measure(() => getHome(cloud, owner.openId))
    expect(result).toEqual(mine)
    // The shop with its schedule, the caller's consent, the newest guide's tip, its newest orders,
    // its own calendar rows and the data version; then the rows its district shares.
    expect(calls.byCollection).toEqual({ 'bindings.aggregateDocuments': 1, 'calendar.getDocument': 1 })
    // Asked again while no import has moved the data: the district's rows are kept.
    const again = await sim.measure(() => getHome(cloud, owner.openId))
    expect(again.result).toEqual(mine)
    expect(again.calls.byCollection).toEqual({ 'bindings.aggregateDocuments': 1 })
    expect(mine.order).toMatchObject({ cycleId: '2026-11-23', status: 'ordered' })
    expect(await orderRecord(repos(local.store), owner.licenseNo, '2026-11-23')).not.toBeNull()
    const newest = (await repos(local.store).guides.find({ licenseNo: owner.licenseNo }, { sort: { month: -1 }, limit: 1 }))[0]
    expect(newest).toBeDefined()
    expect(mine.guide).toEqual(guideTipOf(newest))
    expect(mine.reminders.enabled).toBe(true)
    expect(mine.reminders.left).toBeGreaterThan(0)
  })

  it('home: a calendar row that arrives by import shows at once, on both stores; a shop’s own row needs no import', async () => {
    // A row for the demo owner's district, and one for the shop alone.
    const district = { _id: '城关一片|2026-11-30', scope: '城关一片', cycleId: '2026-11-30', action: 'cancel' as const }
    const own = { _id: `${owner.licenseNo}|2026-12-07`, scope: owner.licenseNo, cycleId: '2026-12-07', action: 'cancel' as const }
    for (const deps of [local, cloud]) {
      await getHome(deps, owner.openId)
      await repos(deps.store).calendar.put(district)
      await bumpDataVersion(deps.store) // as every import does
      await repos(deps.store).calendar.put(own)
      const home = await getHome(deps, owner.openId)
      expect(home.calendarNotices.map((n) => [n.cycleId, n.action])).toEqual([
        ['2026-11-30', 'cancel'],
        ['2026-12-07', 'cancel'],
      ])
      await repos(deps.store).calendar.remove({ _id: { $in: [district._id, own._id] } })
      await bumpDataVersion(deps.store)
      expect((await getHome(deps, owner.openId)).calendarNotices).toEqual([])
    }
  })

  it('home: a newest guide built before guides kept their tip is read whole, and its tip worked out', async () => {
    for (const store of [local.store, cloud.store]) {
      const [newest] = await repos(store).guides.find({ licenseNo: owner.licenseNo }, { sort: { _id: -1 }, limit: 1 })
      const { tip: _, ...old } = { ...newest, _id: `${owner.licenseNo}|2099-01`, month: '2099-01' }
      await repos(store).guides.put(old)
    }
    const mine = await getHome(local, owner.openId)
    const { result, calls } = await sim.measure(() => getHome(cloud, owner.openId))
    expect(result).toEqual(mine)
    expect(mine.guide?.month).toBe('2099-01')
    expect(calls.byCollection?.['guides.getDocument']).toBe(1)
    for (const store of [local.store, cloud.store]) await repos(store).guides.remove({ _id: `${owner.licenseNo}|2099-01` })
  })

  it('summary: the same answer from both stores, in 4 requests and 1 while its figures are kept, for the owner and for a helper', async () => {
    const event = { period: 'month' as const, date: chinaDate(NOW) }
    const mine = await getSummary(local, owner.openId, event)
    const { result, calls } = await sim.measure(() => getSummary(cloud, owner.openId, event))
    expect(result).toEqual(mine)
    // The shop, its months and calendar, what those point to (peers, weeks), then the SKUs' names.
    expect(calls.byCollection).toEqual({ 'bindings.aggregateDocuments': 1, 'retailers.aggregateDocuments': 2, 'skus.getDocument': 1 })
    // Asked again while no import has moved the data: only the shop and the data version are read.
    const again = await sim.measure(() => getSummary(cloud, owner.openId, event))
    expect(again.result).toEqual(mine)
    expect(again.calls.byCollection).toEqual({ 'bindings.aggregateDocuments': 1 })
    // A helper: the helper document, the shop and the data version in one request; the log entry is the helper's write.
    const helped = await sim.measure(() => getSummary(cloud, helper.openId, { ...event, retailer: owner.licenseNo }))
    expect(helped.result).toEqual(mine)
    expect(beyondLog(helped.calls.byCollection)).toEqual({ 'helpers.aggregateDocuments': 1 })
  })

  it('guide: the same answer from both stores, in 2 requests, for the owner and for a helper', async () => {
    const mine = await getGuide(local, owner.openId, {})
    const { result, calls } = await sim.measure(() => getGuide(cloud, owner.openId, {}))
    expect(result).toEqual(mine)
    expect(calls.total).toBe(2)
    expect(mine.guide).not.toBeNull()
    expect([...mine.months].sort().reverse()).toEqual(mine.months)
    const helped = await sim.measure(() => getGuide(cloud, helper.openId, { retailer: owner.licenseNo }))
    expect(helped.result).toEqual({ ...mine, feedback: {}, reminderConsents: helped.result.reminderConsents })
    expect(beyondLog(helped.calls.byCollection)).toEqual({ 'helpers.aggregateDocuments': 1, 'guideFeedback.getDocument': 1 })
  })

  it('a shop the caller neither owns nor helps is refused the same way, whatever the store', async () => {
    const stranger = DEMO_RETAILERS[1]
    for (const deps of [local, cloud]) {
      await expect(getSummary(deps, stranger.openId, { period: 'month', date: chinaDate(NOW), retailer: owner.licenseNo })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(getGuide(deps, 'wx-nobody', {})).rejects.toMatchObject({ code: 'NOT_BOUND' })
      // Naming one's own shop is the owner's own path.
      await expect(getGuide(deps, owner.openId, { retailer: owner.licenseNo })).resolves.toMatchObject({ retailer: { licenseNo: owner.licenseNo } })
    }
  })
})
