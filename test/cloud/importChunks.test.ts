import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { nodeImportIo } from '../../cloudfunctions/adapters/node/importIo'
import { continueImport, importFile, type ChunkPolicy } from '../../cloudfunctions/core/imports/run'
import { LEASE_MS } from '../../cloudfunctions/core/imports/lease'
import { repos } from '../../cloudfunctions/core/repos'
import { addDays } from '../../cloudfunctions/core/time'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import type { Collection, Deps, Doc, DocumentStore } from '../../cloudfunctions/core/ports'
import { invokeTimer } from '../../cloudfunctions/functions/define'
import importChunk, { importIdOf } from '../../cloudfunctions/functions/importChunk'
import { cloudImportWorkers } from '../../cloudfunctions/host/cloud'
import { localPhones } from '../../cloudfunctions/adapters/local/phones'
import { nodeTokens } from '../../cloudfunctions/adapters/node/tokens'
import type { ImportKind } from '../../cloudfunctions/contracts/vocabulary'
import { PURCHASE_COLUMNS, RETAILER_COLUMNS, SALES_COLUMNS, SKU_A, SKU_B, SKU_C, SKUS_CSV, csv, everything, retailerRow } from '../imports/helpers'

/**
 * Imports in chunks on CloudBase (the real store adapter over the simulated database): each chunk
 * applies some rows, saves where it got to and hands its lease on; the next chunk — another
 * container, a store object of its own — reads the file again from the start, checks the rows
 * before the saved position again without writing them, and goes on. The result must be the
 * uninterrupted import's, document for document.
 */
const SHOPS = ['350625300010', '350625300011', '350625300012']
const NOW = new Date('2026-03-18T10:00:00+08:00')
const FILE = 'cloud://env/sales.csv'

/** 40 days × 3 shops × 3 SKUs (two months, six weeks), sorted by date as a POS export is. */
const SALES = csv(
  SALES_COLUMNS,
  Array.from({ length: 40 }, (_, d) => addDays('2026-02-05', d)).flatMap((date, d) =>
    SHOPS.flatMap((shop, s) => [SKU_A, SKU_B, SKU_C].map((sku, k) => [shop, date, sku, 1 + ((d + s + k) % 5), (1 + ((d + s + k) % 5)) * [1000, 2000, 500][k]])),
  ),
)
const PURCHASES = csv(
  PURCHASE_COLUMNS,
  Array.from({ length: 6 }, (_, w) => addDays('2026-02-03', 7 * w)).flatMap((date) => SHOPS.map((shop) => [shop, date, SKU_A, 2, 18000])),
)

/** The file's bytes in small pieces, so a chunk can stop every few rows. */
const bytesOf = (text: string) =>
  (async function* () {
    const bytes = Buffer.from(text)
    for (let i = 0; i < bytes.length; i += 64) yield bytes.subarray(i, i + 64)
  })()

describe('imports in chunks across invocations (CloudBase adapter over the simulated database)', () => {
  let sim: SimulatedCloudBase
  let clock: number
  /** A container: its own store object over the one database. */
  const container = (): DocumentStore => new CloudBaseStore(sim.database() as never)
  const lease = (holder: string) => ({ now: () => clock, holder })
  const start = (kind: ImportKind, text: string, chunk: ChunkPolicy | undefined, store = container(), holder = 'c-start', skipInvalid = false) =>
    importFile({ store, kind, ...nodeImportIo(bytesOf(text)), file: FILE, now: new Date(clock), lease: lease(holder), chunk, skipInvalid })
  const next = async (text: string, chunk: ChunkPolicy, importId?: string, store = container(), holder = `c-${Math.random()}`) =>
    (await continueImport({ store, open: async () => nodeImportIo(bytesOf(text)), now: new Date(clock), chunk, lease: lease(holder) }, importId))?.report ?? null

  const fresh = async (): Promise<SimulatedCloudBase> => {
    const db = new SimulatedCloudBase({ unique: { bindings: ['openId'] } })
    sim = db
    clock = NOW.getTime()
    const store = container()
    await importFile({ store, kind: 'skus', ...nodeImportIo(bytesOf(SKUS_CSV)), file: 'skus.csv', now: NOW })
    await importFile({ store, kind: 'retailers', ...nodeImportIo(bytesOf(csv(RETAILER_COLUMNS, SHOPS.map((s) => retailerRow(s))))), file: 'retailers.csv', now: NOW })
    return db
  }

  /** The uninterrupted import's documents (and its report), in a database of its own. */
  const reference = async (kind: ImportKind, text: string) => {
    await fresh()
    const report = await start(kind, text, undefined)
    return { report, docs: await everything(container()), record: (await repos(container()).imports.find({ kind }))[0] }
  }

  it.each([
    ['sales', 50],
    ['purchases', 5],
  ] as const)('a %s import in chunks of %i rows, each chunk in another container, lands equal to one uninterrupted import', async (kind, rows) => {
    const text = kind === 'sales' ? SALES : PURCHASES
    const whole = await reference(kind, text)
    expect(whole.report).toMatchObject({ applied: true })

    await fresh()
    const first = await start(kind, text, { rows })
    expect(first).toMatchObject({ applied: false, imported: 0, continues: { chunks: 1 } })
    expect(first.continues?.rowsDone).toBeGreaterThanOrEqual(rows)
    let chunks = 1
    let last = first
    while (last.continues) {
      const report = await next(text, { rows }, last.continues.importId)
      if (!report) throw new Error('a hand-off nobody could take')
      last = report
      chunks++
    }
    expect(chunks).toBeGreaterThanOrEqual(Math.floor(whole.report.rows / rows))
    // The last chunk's report is the whole file's (counts, problems), but for the documents written:
    // a week or month document that two chunks touch is written by each.
    expect({ ...last, seconds: 0, rowsPerSecond: 0, changedDocs: 0 }).toEqual({ ...whole.report, seconds: 0, rowsPerSecond: 0, changedDocs: 0 })
    expect(last.changedDocs).toBeGreaterThanOrEqual(whole.report.changedDocs)
    expect(await everything(container())).toEqual(whole.docs)
    const [record] = await repos(container()).imports.find({ kind })
    expect(record).toMatchObject({ state: 'done', sha256: whole.record.sha256, rows: whole.record.rows, imported: whole.record.imported })
    expect(sim.documents('leases')).toEqual([])
    expect(sim.documents('importUndo')).toEqual([])
  })

  it('a province-sized register in chunks (1,200 shops, 500 lines a chunk) lands equal to one uninterrupted import, schedules marked once at the end', async () => {
    // Every shop new but the three already there, whose grade changes; the first has a reminder schedule to replan.
    const register = csv(RETAILER_COLUMNS, [...SHOPS, ...Array.from({ length: 1197 }, (_, i) => `3506254${String(i).padStart(5, '0')}`)].map((license, i) => retailerRow(license, { grade: 1 + (i % 30) })))
    const schedule = { _id: SHOPS[0], licenseNo: SHOPS[0], enabled: true, offsets: {}, cursor: null, nextFireAt: 0, version: 1, updatedAt: '' }
    const whole = await (async () => {
      await fresh()
      sim.load('reminderSchedules', [schedule])
      const report = await start('retailers', register, undefined)
      return { report, docs: await everything(container()) }
    })()
    expect(whole.report).toMatchObject({ applied: true, rows: 1200, imported: 1200 })
    expect(whole.docs.reminderSchedules).toEqual([expect.objectContaining({ _id: SHOPS[0], refresh: true })])

    await fresh()
    sim.load('reminderSchedules', [schedule])
    const chunkReports = [await start('retailers', register, { rows: 500 })]
    while (chunkReports[chunkReports.length - 1].continues) {
      // Until the last chunk, nothing is marked for the timer: the register is not all there yet.
      expect(sim.documents('reminderSchedules')[0].refresh).toBeUndefined()
      const report = await next(register, { rows: 500 }, chunkReports[chunkReports.length - 1].continues?.importId)
      if (!report) throw new Error('a hand-off nobody could take')
      chunkReports.push(report)
    }
    expect(chunkReports.map((r) => r.continues?.rowsDone ?? null)).toEqual([500, 1000, null])
    const last = chunkReports[chunkReports.length - 1]
    expect({ ...last, seconds: 0, rowsPerSecond: 0 }).toEqual({ ...whole.report, seconds: 0, rowsPerSecond: 0 })
    expect(await everything(container())).toEqual(whole.docs)
    expect(sim.documents('leases')).toEqual([])
    expect(sim.documents('importUndo')).toEqual([])
  })

  it('refuses a second import, and rolls nothing back, while an import waits between chunks; a duplicate continuation does nothing', async () => {
    await fresh()
    const first = await start('sales', SALES, { rows: 100 })
    const importId = first.continues?.importId as string
    // Another container starts an import between two chunks: refused, in one go or in chunks.
    clock += 60_000
    await expect(start('sales', SALES, undefined, container(), 'c-other')).rejects.toMatchObject({ code: 'CONFLICT', reason: 'importBusy' })
    await expect(start('purchases', PURCHASES, { rows: 5 }, container(), 'c-other')).rejects.toMatchObject({ code: 'CONFLICT', reason: 'importBusy' })
    expect(await repos(container()).imports.get(importId)).toMatchObject({ state: 'applying', resume: { rows: first.continues?.rowsDone, chunks: 1 } })
    expect(sim.documents('importUndo').length).toBeGreaterThan(0)

    // The self-invocation and the timer both go for the next chunk: one takes it, the other does nothing.
    const [a, b] = await Promise.all([next(SALES, { rows: 100 }, importId), next(SALES, { rows: 100 })])
    expect([a, b].filter((r) => r !== null)).toHaveLength(1)
    let last = (a ?? b)!
    while (last.continues) last = (await next(SALES, { rows: 100 }, importId))!
    expect(last).toMatchObject({ applied: true, rows: 360, imported: 360 })
  })

  it('a chunk that dies part-way is undone back to its saved position and redone once its lease lapses', async () => {
    const whole = await reference('sales', SALES)
    await fresh()
    const first = await start('sales', SALES, { rows: 100 })
    const importId = first.continues?.importId as string
    // The second chunk's container dies after three writes — its lease, an undo record, the week documents —
    // before the month documents and its saved position (its requests never come back).
    let writes = 0
    const dying = dyingStore(container(), () => ++writes > 3)
    void next(SALES, { rows: 100 }, importId, dying, 'c-dies')
    while (writes <= 3) await new Promise((go) => setImmediate(go))
    await new Promise((go) => setTimeout(go, 20))
    // It wrote past its saved position (journalled), which the chunk that takes over must undo first.
    const saved = (await repos(container()).imports.get(importId))?.resume?.seq ?? -1
    expect(sim.documents('importUndo').some((u) => (u.seq as number) >= saved)).toBe(true)
    // Until its lease lapses nobody touches the import; then the timer's run takes it over.
    expect(await next(SALES, { rows: 100 })).toBeNull()
    await expect(start('sales', SALES, undefined, container(), 'c-other')).rejects.toMatchObject({ reason: 'importBusy' })
    clock += LEASE_MS + 1
    let last = (await next(SALES, { rows: 100 }))!
    expect(last).not.toBeNull()
    while (last.continues) last = (await next(SALES, { rows: 100 }, importId))!
    expect(last).toMatchObject({ applied: true, rows: 360, imported: 360 })
    expect(await everything(container())).toEqual(whole.docs)
  })

  it('the importChunk timer goes on with the import its event names, or (its own firing) with whichever waits', async () => {
    const whole = await reference('sales', SALES)
    await fresh()
    const started: string[] = []
    const deps = (): Deps => ({
      store: container(),
      clock: { now: () => new Date(clock) },
      notifier: { send: async () => ({ ok: true }) },
      phones: localPhones,
      tokens: nodeTokens,
      files: { read: async (fileId) => (fileId === FILE ? bytesOf(SALES) : Promise.reject(new Error('no such file'))) },
      importIo: (bytes) => nodeImportIo(bytes),
      imports: { next: async (importId) => void started.push(importId) },
    })
    const first = await start('sales', SALES, { rows: 100 })
    const importId = first.continues?.importId as string
    // A firing with nothing to do for it: another import's id.
    expect(await invokeTimer(importChunk, { caller: null, deps: deps() }, { Type: 'Timer', TriggerName: 'importChunkNext', importId: 'sales|other' })).toEqual({ ok: true, data: { importId: null, report: null } })
    // Its own firing (no id) takes the waiting chunk; the functions' chunk (minutes) finishes the file.
    const reply = await invokeTimer(importChunk, { caller: null, deps: deps() }, { Type: 'Timer', TriggerName: 'importChunkTimer' })
    expect(reply).toMatchObject({ ok: true, data: { importId, report: { applied: true, rows: 360, imported: 360 } } })
    expect(started).toEqual([])
    expect(await everything(container())).toEqual(whole.docs)
    expect(await invokeTimer(importChunk, { caller: null, deps: deps() }, { Type: 'Timer' })).toEqual({ ok: true, data: { importId: null, report: null } })
  })

  it('starts the next chunk with a Timer event naming the import, and does not wait for the chunk to end', async () => {
    const calls: { name: string; data: object; timeoutMs: number }[] = []
    const workers = cloudImportWorkers(async (name, data, timeoutMs) => {
      calls.push({ name, data, timeoutMs })
      throw new Error('ESOCKETTIMEDOUT: request timeout')
    })
    await workers.next('sales|2026|x')
    expect(calls).toEqual([{ name: 'importChunk', data: { Type: 'Timer', TriggerName: 'importChunkNext', importId: 'sales|2026|x' }, timeoutMs: 3000 }])
    expect(importIdOf(calls[0].data)).toBe('sales|2026|x')
    expect(importIdOf({ Type: 'Timer' })).toBeUndefined()
    await expect(cloudImportWorkers(async () => Promise.reject(new Error('permission denied'))).next('x')).rejects.toThrow('permission denied')
  })

  it('a bad row in a later chunk refuses the whole file and rolls every chunk back', async () => {
    await fresh()
    const before = await everything(container())
    const bad = `${SALES}${SHOPS[0]},2026-03-16,${SKU_A},-x,100\n`
    let last = (await start('sales', bad, { rows: 100 }))!
    expect(last.continues).toBeDefined()
    while (last.continues) last = (await next(bad, { rows: 100 }, last.continues.importId))!
    expect(last).toMatchObject({ applied: false, imported: 0, rejected: 1, rows: 361 })
    expect(await everything(container())).toEqual(before)
    expect(sim.documents('leases')).toEqual([])
  })
})

/** A container that dies: once `dead()` says so, its writes never complete. */
const dyingStore = (inner: DocumentStore, dead: () => boolean): DocumentStore => ({
  collection: <T extends Doc>(name: string): Collection<T> => {
    const c = inner.collection<T>(name)
    const gate = <R>(write: () => Promise<R>): Promise<R> => (dead() ? new Promise<R>(() => undefined) : write())
    return {
      get: (id) => c.get(id),
      find: (filter, options) => c.find(filter, options),
      count: (filter) => c.count(filter),
      group: (filter, spec) => c.group(filter, spec),
      findOneWith: (filter, joins) => c.findOneWith(filter, joins),
      insert: (doc) => gate(() => c.insert(doc)),
      put: (doc) => gate(() => c.put(doc)),
      putMany: (docs) => gate(() => c.putMany(docs)),
      update: (filter, set, add) => gate(() => c.update(filter, set, add)),
      increment: (id, field, by, init) => gate(() => c.increment(id, field, by, init)),
      remove: (filter) => gate(() => c.remove(filter)),
    }
  },
})
