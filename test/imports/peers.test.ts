import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import { repos } from '../../cloudfunctions/core/repos'
import { Journal } from '../../cloudfunctions/core/imports/journal'
import { refreshPeerStats } from '../../cloudfunctions/core/imports/peers'
import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import type { DocumentStore } from '../../cloudfunctions/core/ports'
import type { PeerStats } from '../../cloudfunctions/core/model'
import { removeDir, tempDir } from './helpers'
import { RECENT_MONTHS } from '../../cloudfunctions/seed/sales'
import { addMonths, monthOf } from '../../cloudfunctions/core/time'

/**
 * The seed works the demo county's peer statistics out from whole month documents in memory;
 * refreshPeerStats works them out from the store's server-side aggregation (`group`). Over the
 * seeded county both must agree to the last value: a refresh of every month changes nothing.
 */
const TODAY = '2026-11-23'

/** The months every shop has its month documents stored for (older ones are kept only for the shops with raw rows). */
const RECENT = { $gte: addMonths(monthOf(TODAY), -(RECENT_MONTHS - 1)) }

const refreshAll = async (store: DocumentStore): Promise<{ changed: number; before: PeerStats[]; after: PeerStats[] }> => {
  const db = repos(store)
  const before = await db.peerStats.find({ month: RECENT }, { sort: { _id: 1 } })
  const journal = await Journal.begin(store, { _id: 'peers|test', kind: 'sales', sha256: '', file: 'peers', startedAt: `${TODAY}T10:00:00+08:00`, rows: 0, imported: 0 })
  await refreshPeerStats(store, journal, new Set(before.map((doc) => doc.month)))
  return { changed: journal.changed, before, after: await db.peerStats.find({ month: RECENT }, { sort: { _id: 1 } }) }
}

describe('peer statistics from the server-side aggregation', () => {
  let dir: string
  let home: LocalHome

  beforeAll(async () => {
    dir = tempDir()
    home = await openLocalHome(dir)
    expect(await seedDemoCounty(home.store, undefined, { today: TODAY })).toBe(true)
  }, 60_000)
  afterAll(() => removeDir(dir))

  it('equal, on the SQLite store, what the seed computed from whole documents', async () => {
    const { changed, before, after } = await refreshAll(home.store)
    expect(before.length).toBeGreaterThan(50)
    expect(after).toEqual(before)
    expect(changed).toBe(0)
  }, 60_000)

  it('equal them through the CloudBase adapter over the simulated database, in a few aggregate requests', async () => {
    const sim = new SimulatedCloudBase()
    const db = repos(home.store)
    for (const name of ['retailers', 'salesMonths', 'inventoryMonths', 'peerStats'] as const) sim.load(name, await db[name].find({ ...(name === 'retailers' ? {} : { month: RECENT }) }))
    const store = new CloudBaseStore(sim.database() as never)
    const { result, calls } = await sim.measure(() => refreshAll(store))
    expect(result.after).toEqual(result.before)
    expect(result.changed).toBe(0)
    // Retailers, sales and stock in aggregate pages of 1,000 groups (a page ending part-way through a
    // shop's months is read again from that shop); the only documents read whole are the peer statistics.
    const pages = (docs: number) => Math.ceil(docs / 900)
    const [retailers, sales, stock] = ['retailers', 'salesMonths', 'inventoryMonths'].map((name) => sim.documents(name).length)
    expect(sales).toBeGreaterThan(1000)
    expect(calls.byAction['database.aggregateDocuments']).toBeLessThanOrEqual(pages(retailers) + pages(sales) + pages(stock))
    expect(calls.byAction['database.getDocument']).toBeLessThanOrEqual(2 + pages(result.before.length))
  }, 60_000)
})
