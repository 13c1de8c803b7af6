import { addMonths, monthOf, chinaDate } from '../time'
import type { ImportKind } from '../../contracts/vocabulary'
import type { DocumentStore } from '../ports'
import { repos } from '../repos'
import type { CalendarEntry, FactKind, Retailer, Sku, MarketingMonth } from '../model'
import type { RowReferences, KindSpec, StagedSpec } from './kinds'
import { inventorySpec, purchasesSpec, salesSpec, type FactRow } from './facts'
import { calendarSpec, retailersSpec, skusSpec } from './entities'
import type { ImportReport } from '../../contracts/insights'
import { checkFile, type CheckResult, type Progress } from './check'
import { Journal, recoverImports } from './journal'
import type { ImportRecord } from '../model'
import type { ImportIo } from './ports'
import { FactWriter } from './applyFacts'
import { applyEntities } from './applyEntities'
import { markSchedulesForRefresh } from '../reminders/settings'
import { recordImportedOrders } from './orders'
import { refreshPeerStats } from './peers'
import { currentLease, systemLeaseClock, takeHandOff, takeLapsed, takeLease, underChunkLease, underImportLease, type LeaseClock } from './lease'
import { marketingSpec, strategiesSpec, type LibraryRow } from './marketing'
import { applyMarketing, applyStrategies, storedKnownTargets } from './applyGuidance'
import type { KnownTargets } from '../guidance/library'
import { importCatalogue, isCatalogueKind, type CatalogueKind } from './catalogues'

export const SPECS = {
  retailers: retailersSpec,
  skus: skusSpec,
  sales: salesSpec,
  purchases: purchasesSpec,
  inventory: inventorySpec,
  calendar: calendarSpec,
  marketing: marketingSpec,
  strategies: strategiesSpec,
} satisfies Record<Exclude<ImportKind, CatalogueKind>, KindSpec<unknown>>

/** Months whose peer statistics a retailers import refreshes: grades and types move peers around. */
export const PEER_MONTHS_AFTER_RETAILERS = 13

/** The file's records, staging, the rejected-rows sink and ids come through `ImportIo` (./ports). */
export interface ImportOptions extends ImportIo {
  store: DocumentStore
  kind: ImportKind
  /** The file's name, for the report and the journal. */
  file: string
  /** Import the good rows and set the bad ones aside (in `rejected`, when given) instead of refusing the file. */
  skipInvalid?: boolean
  now: Date
  onProgress?: (progress: Progress) => void
  /** The lease's clock and holder name (tests); by default the system clock and a random name. */
  lease?: LeaseClock
  /** Courses and model stores strategies may open; the 学习 catalogues' ids by default. */
  knownTargets?: KnownTargets
  /**
   * Imports in chunks (CloudBase; see CHUNKED_KINDS): each invocation applies rows until it has
   * applied `rows` of them or run `ms`, saves where it got to and hands its lease on; the report then
   * says `continues`, and `continueImport` (any process) does the next chunk. Absent: one go.
   */
  chunk?: ChunkPolicy
}

export interface ChunkPolicy {
  rows?: number
  ms?: number
}

const loadKnown = async (store: DocumentStore, today: string): Promise<RowReferences> => {
  const db = repos(store)
  const [retailers, skus] = await Promise.all([db.retailers.find({}), db.skus.find({})])
  return {
    retailers: new Map(retailers.map((r) => [r.licenseNo, { licenseNo: r.licenseNo, district: r.district, orderWindow: r.orderWindow }])),
    skus: new Map(skus.map((s) => [s.skuCode, { skuCode: s.skuCode, wholesaleFenPerCarton: s.wholesaleFenPerCarton }])),
    districts: new Set(retailers.map((r) => r.district)),
    today,
  }
}

/** One import at a time per store: recovery must never mistake a running import for a crashed one. */
const queues = new WeakMap<DocumentStore, Promise<unknown>>()
const queued = <R>(store: DocumentStore, work: () => Promise<R>): Promise<R> => {
  const run = (queues.get(store) ?? Promise.resolve()).then(work)
  queues.set(store, run.catch(() => undefined))
  return run
}

const isChunked = (options: Pick<ImportOptions, 'chunk' | 'kind'>): boolean => options.chunk !== undefined && CHUNKED_KINDS.includes(options.kind)

/**
 * Imports one file through the journal, so it lands whole or not at all. Sales, purchases and
 * stock are written as they are checked (one read of the file) and rolled back if a bad row turns
 * up; the register, the catalogue and the calendar are checked whole first and staged on disk.
 * Re-importing a file changes nothing; a corrected row replaces the one it corrects.
 * With `chunk`, shop data, the register, the SKUs and the calendar go in chunks across invocations (see ChunkPolicy).
 */
export const importFile = (options: ImportOptions): Promise<ImportReport> =>
  queued(options.store, async () => {
    const what = `导入 ${options.file}`
    if (!isChunked(options)) return underImportLease(options.store, what, () => importNow(options), options.lease)
    const clock = options.lease ?? systemLeaseClock()
    const done = await underChunkLease(options.store, what, clock, (overRunning) => takeLease(options.store, what, clock, overRunning).then(() => true), async () => {
      const report = await importNow(options)
      return { result: report, handOff: report.continues?.importId ?? null }
    })
    return (done as { result: ImportReport }).result
  })

/** What the next chunk of an import needs besides the store: the file again, and the chunk's size. */
export interface ContinueOptions {
  store: DocumentStore
  /** Reads the import's file again (its `file`: a cloud file id, or a path on a laptop). */
  open(file: string): Promise<ImportIo>
  now: Date
  chunk: ChunkPolicy
  lease?: LeaseClock
  onProgress?: (progress: Progress) => void
  knownTargets?: KnownTargets
}

/**
 * The next chunk of an import in chunks, in whatever process runs it: the self-invocation that
 * names the import, or the timer (no id), which also picks up an import whose chunk died
 * part-way once that chunk's lease lapsed. Answers null when there is nothing to do here: the
 * hand-off was taken by another run, or no import waits.
 */
export const continueImport = (options: ContinueOptions, importId?: string): Promise<{ importId: string; report: ImportReport } | null> =>
  queued(options.store, async () => {
    const { store } = options
    const clock = options.lease ?? systemLeaseClock()
    const lease = await currentLease(store)
    const id = importId ?? lease?.importId
    if (!lease || !id || lease.importId !== id) return null
    const record = await repos(store).imports.get(id)
    const take = async () => ((lease.holder.startsWith('next|') ? takeHandOff(store, id, clock) : takeLapsed(store, lease, clock)))
    const done = await underChunkLease(store, lease.what, clock, take, async () => {
      if (!record || record.state !== 'applying' || !record.resume) return { result: null, handOff: null }
      const io = await options.open(record.file)
      const report = await importNow({ ...io, store, kind: record.kind as ImportKind, file: record.file, skipInvalid: record.resume.skipInvalid, now: options.now, chunk: options.chunk, onProgress: options.onProgress, knownTargets: options.knownTargets }, record)
      return { result: { importId: id, report }, handOff: report.continues?.importId ?? null }
    })
    return done?.result ?? null
  })

const FACT_KINDS: readonly ImportKind[] = ['sales', 'purchases', 'inventory']
/**
 * What goes in chunks: shop data, written as it is checked, and the register, the SKUs and the
 * calendar — a province's register is 200,000 rows, and every changed one is a write of its own
 * in CloudBase. Those are checked whole in every chunk (a row is only wrong next to the others)
 * and applied from where the chunk before stopped. Strategies, marketing and the 学习 catalogues
 * are a county's few hundred rows: one go.
 */
const CHUNKED_KINDS: readonly ImportKind[] = [...FACT_KINDS, 'retailers', 'skus', 'calendar']

const importNow = async (options: ImportOptions, resuming?: ImportRecord): Promise<ImportReport> => {
  const { store, kind, skipInvalid = false, now } = options
  const rejected = skipInvalid ? options.rejected : undefined
  const started = performance.now()
  const resume = resuming?.resume
  // A next chunk rolls back nothing but what its own import wrote after the saved position (Journal.resume).
  if (!resume) await recoverImports(store, now.toISOString())
  const today = chinaDate((resuming ? Date.parse(resuming.startedAt) : now.getTime()))
  const known = await loadKnown(store, today)
  const journal =
    resuming && resume
      ? await Journal.resume(store, resuming._id, resume.seq, resume.changed)
      : await Journal.begin(store, {
          _id: `${kind}|${now.toISOString()}|${options.newId()}`,
          kind,
          sha256: '',
          file: options.file,
          startedAt: now.toISOString(),
          rows: 0,
          imported: 0,
        })
  const chunked = isChunked(options)
  /** Set when this chunk stopped before the file's end: the report says so, and nothing is final. */
  let continues: ImportReport['continues']
  const staging = FACT_KINDS.includes(kind) || isCatalogueKind(kind) ? null : await options.staging()
  const spec = SPECS[kind as Exclude<ImportKind, CatalogueKind>] as KindSpec<unknown>
  try {
    let refused = false
    let checked: CheckResult
    let good = 0
    const onRows = (rows: number) => options.onProgress?.({ phase: 'apply', rows, done: rows, total: good })
    const chunkStart = performance.now()
    const from = resume?.rows ?? 0
    const stop = chunked
      ? (rows: number) => !refused && (rows - from >= (options.chunk?.rows ?? Infinity) || performance.now() - chunkStart >= (options.chunk?.ms ?? Infinity))
      : undefined
    /** Saves where the next chunk goes on from (everything up to here is written and journalled). */
    const handOn = async (rows: number, months: Set<string>): Promise<ImportReport['continues']> => {
      const chunks = (resume?.chunks ?? 0) + 1
      await repos(store).imports.update({ _id: journal.importId }, { resume: { rows, seq: journal.nextSeq, changed: journal.changed, months: [...months].sort(), skipInvalid, chunks } })
      return { importId: journal.importId, rowsDone: rows, chunks }
    }
    // Shop data is checked as far as it is written; a staged kind is checked whole in every chunk.
    const check = <R>(accept: (row: R) => void, settle?: () => Promise<void>) =>
      checkFile({
        from: staging === null ? from : 0,
        stop: staging === null ? stop : undefined,
        spec: spec as KindSpec<R>,
        known,
        source: options.source,
        accept,
        settle,
        // Without --skip-invalid the first bad row stops all writing; the rest is only checked.
        onRejected: () => (refused ||= !skipInvalid),
        rejected,
        onProgress: options.onProgress,
      })
    try {
      if (isCatalogueKind(kind)) {
        // A catalogue is read whole and checked by the 学习 validators (./catalogues).
        const outcome = await importCatalogue(kind, { ...options, rejected }, store, journal, skipInvalid)
        checked = outcome.checked
        refused = outcome.refused
      } else if (staging === null) {
        // Rows are written while the file is read: the reading progress is the progress.
        const writer = new FactWriter(kind as FactKind, store, journal)
        checked = await check<FactRow>(
          (row) => refused || writer.add(row),
          () => (refused ? Promise.resolve() : writer.settle()),
        )
        refused ||= checked.fatal
        if (!refused) {
          const applied = await writer.finish()
          if (kind === 'purchases') await recordImportedOrders(store, journal, known, applied.orderDays)
          const months = new Set([...(resume?.months ?? []), ...applied.months])
          if (checked.stopped) continues = await handOn(checked.rows, months)
          else if (kind !== 'purchases') await refreshPeerStats(store, journal, months)
        }
      } else {
        const staged = spec as StagedSpec<Retailer | Sku | CalendarEntry | MarketingMonth | LibraryRow>
        checked = await check<Retailer | Sku | CalendarEntry | MarketingMonth | LibraryRow>((row) => staging.add(staged.stage(row)))
        staging.close()
        refused ||= checked.fatal
        good = checked.good
        if (!refused && kind === 'strategies') {
          // The library is checked whole: a row's id, say, is only wrong next to another row's.
          const library = await applyStrategies(store, journal, staging.batches(), strategiesSpec.unstage, options.knownTargets ?? (await storedKnownTargets(store)))
          if (library.problems.length > 0) {
            refused = true
            checked = { ...checked, good: 0, rejected: new Set(library.problems.map((p) => p.row)).size, problems: library.problems.slice(0, 100), moreProblems: Math.max(0, library.problems.length - 100) }
          }
        } else if (!refused && kind === 'marketing') {
          await applyMarketing(store, journal, staging.batches(), (line) => staged.unstage(line) as MarketingMonth, today, onRows)
        } else if (!refused) {
          const spec = staged as StagedSpec<Retailer | Sku | CalendarEntry>
          const collection = kind === 'retailers' ? 'retailers' : kind === 'skus' ? 'skus' : 'calendar'
          const applied = await applyEntities(spec, collection, store, journal, staging.batches(), onRows, { from, stop })
          if (applied.stopped) continues = await handOn(applied.lines, new Set())
          else if (kind === 'retailers' && journal.changed > 0) {
            const month = monthOf(today)
            await refreshPeerStats(store, journal, Array.from({ length: PEER_MONTHS_AFTER_RETAILERS }, (_, i) => addMonths(month, -i)))
          }
        }
      }
      if (continues) {
        // The next chunk finishes the import.
      } else if (refused) {
        await journal.abandon()
      } else {
        // New windows or calendar changes move when reminders are due: the timer replans the marked schedules.
        if ((kind === 'retailers' || kind === 'calendar') && journal.changed > 0) await markSchedulesForRefresh(store)
        await journal.finish({ sha256: checked.sha256, rows: checked.rows, imported: checked.good, finishedAt: new Date(now.getTime() + (performance.now() - started)).toISOString() })
      }
    } catch (error) {
      // Undo at once what this import wrote; if even that fails, the next import or start does it.
      await recoverImports(store, new Date().toISOString()).catch(() => undefined)
      throw error
    }
    const seconds = (performance.now() - started) / 1000
    return {
      kind,
      file: options.file,
      rows: checked.rows,
      imported: refused || continues ? 0 : checked.good,
      rejected: checked.rejected,
      problems: checked.problems,
      moreProblems: checked.moreProblems,
      applied: !refused && !continues,
      ...(rejected && checked.rejected > 0 ? { rejectedFile: rejected.name } : {}),
      changedDocs: refused ? 0 : journal.changed,
      seconds,
      rowsPerSecond: seconds > 0 ? checked.rows / seconds : 0,
      ...(continues ? { continues } : {}),
    }
  } finally {
    await staging?.remove()
  }
}
