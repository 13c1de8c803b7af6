import type { RowProblem } from '../../contracts/insights'
import { RowChecker } from './fields'
import type { RowReferences, KindSpec } from './kinds'
import { FileFormatError, UnknownEncoding, type ImportSource, type RejectedRows, type SourceRecord } from './ports'

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100

export interface Progress {
  phase: 'check' | 'apply'
  rows: number
  /** Of the rows to apply (apply phase), or of the file's bytes (check phase, when known). */
  done?: number
  total?: number
}

export interface CheckResult {
  sha256: string
  rows: number
  good: number
  rejected: number
  problems: RowProblem[]
  moreProblems: number
  /** True when the file itself is unusable (missing columns, broken CSV): nothing can be imported. */
  fatal: boolean
  /** True when `stop` ended the reading before the file's end (`rows` is how far it got; no sha256). */
  stopped?: boolean
}

export interface CheckOptions<R> {
  spec: KindSpec<R>
  known: RowReferences
  source: ImportSource
  /** Takes each good row as soon as it is checked. */
  accept(row: R): void
  /** Runs between batches of records: where accepting rows may do its (asynchronous) writing. */
  settle?(): Promise<void>
  /** Told of each bad row as it is found. */
  onRejected?(): void
  /** When set (--skip-invalid), bad rows go here with their problems; closed when the check ends. */
  rejected?: RejectedRows
  onProgress?: (progress: Progress) => void
  /**
   * Rows (counted as `rows` counts them) an earlier chunk of this import already applied: they are
   * read and checked again — so repeats, counts and listed problems come out as in one go — but not
   * accepted, and not set aside again.
   */
  from?: number
  /** Asked after each row past `from`, with the rows read so far: true stops the reading there (once the batch is settled). */
  stop?: (rows: number) => boolean
}

/**
 * Reads the whole file once and checks every row, handing each good one to `accept` and
 * counting, listing and (with `rejected`) setting aside the bad ones.
 */
export const checkFile = async <R>({ spec, known, source, accept, settle, onRejected, rejected, onProgress, from = 0, stop }: CheckOptions<R>): Promise<CheckResult> => {
  const result: CheckResult = { sha256: '', rows: 0, good: 0, rejected: 0, problems: [], moreProblems: 0, fatal: false }
  const note = (problem: RowProblem) => {
    if (result.problems.length < MAX_LISTED_PROBLEMS) result.problems.push(problem)
    else result.moreProblems++
  }

  const repeats = spec.repeats()
  let header: string[] | null = null
  let checker: RowChecker | null = null
  /** Whether U+FFFD in a record is damage: read once per batch, as the source learns it while reading. */
  let undecodable = false
  const take = (record: SourceRecord): void => {
    if (!header) {
      header = record.map((name) => name.trim())
      const index = new Map(header.map((name, i) => [name, i]))
      const missing = spec.columns.filter((column) => !index.has(column))
      for (const column of missing) note({ row: 1, column, code: 'missingColumn' })
      if (missing.length > 0) result.fatal = true
      checker = new RowChecker(index)
      rejected?.header(header)
      return
    }
    // A row of empty cells (Excel leaves some at the end) is no row.
    if ((record[0] === '' || record[0].charCodeAt(0) <= 32) && record.every((field) => field.trim() === '')) return
    result.rows++
    const c = (checker as RowChecker).reset(record, result.rows + 1)
    const row = spec.check(c, known)
    if (undecodable && record.some((field) => field.includes('\uFFFD'))) c.problem('#row', { code: 'undecodable' })
    if (c.ok) {
      const firstRow = repeats.firstRowOf(row, c.row)
      if (firstRow > 0) c.problem('#row', { code: 'repeatedRow', firstRow, columns: spec.keyColumns })
    }
    if (c.ok) {
      result.good++
      if (result.rows > from) accept(row)
      return
    }
    result.rejected++
    onRejected?.()
    c.problems.forEach(note)
    if (result.rows > from) rejected?.add(record, c.row, c.problems)
  }

  try {
    let reported = 0
    for await (const records of source.records) {
      undecodable = source.undecodable
      for (const record of records) {
        take(record)
        if (result.fatal) break
        if (stop && result.rows > from && stop(result.rows)) {
          result.stopped = true
          break
        }
      }
      await settle?.()
      await rejected?.flush()
      if (onProgress && result.rows - reported >= 50_000) {
        reported = result.rows
        onProgress({ phase: 'check', rows: result.rows, done: source.bytesRead })
      }
      if (result.fatal || result.stopped) break
    }
  } catch (error) {
    if (error instanceof UnknownEncoding) note({ row: 1, column: '#file', code: 'unknownEncoding' })
    // A broken CSV structure (an unclosed quote, …) makes every later row doubtful: refuse the file.
    else if (error instanceof FileFormatError) note({ row: error.line, column: '#file', code: 'csvFormat', problem: error.problem })
    else throw error
    result.fatal = true
  } finally {
    await rejected?.close()
  }
  if (!header && !result.fatal) {
    note({ row: 1, column: '#file', code: 'emptyFile' })
    result.fatal = true
  }
  onProgress?.({ phase: 'check', rows: result.rows, done: source.bytesRead })
  return { ...result, sha256: result.stopped ? '' : source.sha256() }
}
