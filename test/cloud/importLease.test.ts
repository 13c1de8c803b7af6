import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { nodeImportIo } from '../../cloudfunctions/adapters/node/importIo'
import { importFile } from '../../cloudfunctions/core/imports/run'
import { LEASE_MS } from '../../cloudfunctions/core/imports/lease'
import { repos } from '../../cloudfunctions/core/repos'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import { RETAILER_COLUMNS, SALES_COLUMNS, SKU_A, SKUS_CSV, csv, retailerRow } from '../imports/helpers'

/**
 * Imports on CloudBase, where every container is a process of its own: the import lease is a
 * document taken by compare-and-set, so a second import — another container, a retry — is
 * refused while one runs, and never rolls the running one back.
 */
const R = '350625300010'
const NOW = new Date('2026-11-18T10:00:00+08:00')

/** Bytes that arrive only when `release` is called: an import held half-way, its lease live. */
const held = (text: string) => {
  let release = () => undefined as void
  const gate = new Promise<void>((go) => (release = go))
  const [head, tail] = [text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1), text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1)]
  async function* bytes() {
    yield Buffer.from(head)
    await gate
    yield Buffer.from(tail)
  }
  return { bytes: bytes(), release }
}

describe('imports as leased jobs on CloudBase (the real store adapter over the simulated database)', () => {
  let sim: SimulatedCloudBase
  /** A container: its own store object over the one database. */
  const container = () => new CloudBaseStore(sim.database() as never)
  const run = (store: CloudBaseStore, kind: 'skus' | 'retailers' | 'sales', bytes: AsyncIterable<Uint8Array>, now = NOW, holder = 'c1') =>
    importFile({ store, kind, ...nodeImportIo(bytes), file: `${kind}.csv`, now, lease: { now: () => now.getTime(), holder } })
  const text = (t: string) => (async function* () { yield Buffer.from(t) })()

  beforeEach(async () => {
    sim = new SimulatedCloudBase({ unique: { bindings: ['openId'] } })
    await run(container(), 'skus', text(SKUS_CSV))
    await run(container(), 'retailers', text(csv(RETAILER_COLUMNS, [retailerRow(R)])))
  })

  it('refuses a second import while the first holds the lease, and the first then finishes whole', async () => {
    const sales = csv(SALES_COLUMNS, [[R, '2026-11-16', SKU_A, 2, 2000], [R, '2026-11-17', SKU_A, 3, 3000]])
    const slow = held(sales)
    const first = run(container(), 'sales', slow.bytes, NOW, 'container-1')
    // Wait until the first import has its lease and its journal record.
    while ((await repos(container()).imports.count({ state: 'applying' })) === 0) await new Promise((go) => setImmediate(go))

    const second = run(container(), 'sales', text(sales), new Date(NOW.getTime() + 60_000), 'container-2')
    await expect(second).rejects.toMatchObject({ code: 'CONFLICT', reason: 'importBusy', figures: { what: '导入 sales.csv' } })
    // Its refusal rolled nothing back: the first import is still applying.
    expect(await repos(container()).imports.count({ state: 'applying' })).toBe(1)

    slow.release()
    expect(await first).toMatchObject({ applied: true, imported: 2 })
    expect((await repos(container()).salesMonths.get(`${R}|2026-11`))?.totals).toMatchObject({ packs: 5, salesFen: 5000 })
    expect(sim.documents('leases')).toEqual([]) // released
    expect(await run(container(), 'sales', text(sales), new Date(NOW.getTime() + 120_000), 'container-2')).toMatchObject({ applied: true })
  })

  it('takes over a lease whose holder died (past its time) and rolls that holder’s half-import back first', async () => {
    // A container that died mid-import: its lease and its journal are left behind.
    const died = NOW.getTime() - LEASE_MS - 1
    sim.load('leases', [{ _id: 'import', holder: 'dead', what: '导入 sales.csv', since: died, until: died + LEASE_MS }])
    sim.load('imports', [{ _id: 'sales|x|dead', kind: 'sales', sha256: '', file: 'sales.csv', state: 'applying', startedAt: new Date(died).toISOString(), rows: 0, imported: 0 }])
    sim.load('importUndo', [{ _id: 'sales|x|dead|0', importId: 'sales|x|dead', seq: 0, collection: 'salesWeeks', created: [`${R}|2026-11-16`], before: [] }])
    sim.load('salesWeeks', [{ _id: `${R}|2026-11-16`, licenseNo: R, weekStart: '2026-11-16', days: { '2026-11-16': 'half' } }])

    const report = await run(container(), 'sales', text(csv(SALES_COLUMNS, [[R, '2026-11-17', SKU_A, 1, 1000]])))
    expect(report).toMatchObject({ applied: true, imported: 1 })
    expect(sim.documents('imports').find((d) => d._id === 'sales|x|dead')).toMatchObject({ state: 'rolledBack' })
    expect(Object.keys((await repos(container()).salesWeeks.get(`${R}|2026-11-16`))?.days ?? {})).toEqual(['2026-11-17'])
  })
})
