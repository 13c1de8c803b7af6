import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { RowChecker } from '../core/imports/fields'
import type { RowProblem } from '../contracts/insights'
import type { Known, KindSpec } from '../core/imports/kinds'
import { toText, type Decoded, type Encoding } from './decode'
import { CsvFormatError, CsvReader } from './csv'

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
  encoding: Encoding | null
  rows: number
  good: number
  rejected: number
  problems: RowProblem[]
  moreProblems: number
  /** True when the file itself is unusable (missing columns, broken CSV): nothing can be imported. */
  fatal: boolean
}

/** Buffers small writes into large ones and honours the stream's backpressure. */
class LineSink {
  private buffer = ''
  constructor(private readonly out: WriteStream) {}
  push(text: string): void {
    this.buffer += text
  }
  async flush(force = false): Promise<void> {
    if (this.buffer.length < 1 << 20 && !force) return
    const ok = this.out.write(this.buffer)
    this.buffer = ''
    if (!ok) await once(this.out, 'drain')
  }
  async close(): Promise<void> {
    await this.flush(true)
    this.out.end()
    await once(this.out, 'finish')
  }
}

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`

export interface CheckOptions<R> {
  spec: KindSpec<R>
  known: Known
  source: AsyncIterable<Uint8Array>
  /** Takes each good row as soon as it is checked. */
  accept(row: R): void
  /** Runs between chunks of the file: where accepting rows may do its (asynchronous) writing. */
  settle?(): Promise<void>
  /** Told of each bad row as it is found. */
  onRejected?(): void
  /** When set (--skip-invalid), bad rows go here with their problems, as CSV Excel opens. */
  rejectedPath?: string
  onProgress?: (progress: Progress) => void
}

/**
 * Reads the whole file once and checks every row, handing each good one to `accept` and
 * counting, listing and (with `rejectedPath`) setting aside the bad ones.
 */
export const checkFile = async <R>({ spec, known, source, accept, settle, onRejected, rejectedPath, onProgress }: CheckOptions<R>): Promise<CheckResult> => {
  const hash = createHash('sha256')
  let bytes = 0
  const decoded: Partial<Decoded> = {}
  const result: CheckResult = { sha256: '', encoding: null, rows: 0, good: 0, rejected: 0, problems: [], moreProblems: 0, fatal: false }
  const note = (problem: RowProblem) => {
    if (result.problems.length < MAX_LISTED_PROBLEMS) result.problems.push(problem)
    else result.moreProblems++
  }
  const rejected = rejectedPath ? new LineSink(createWriteStream(rejectedPath)) : null

  let header: string[] | null = null
  let checker: RowChecker | null = null
  const reader = new CsvReader((record) => {
    if (result.fatal) return
    if (!header) {
      header = record.map((name) => name.trim())
      const index = new Map(header.map((name, i) => [name, i]))
      const missing = spec.columns.filter((column) => !index.has(column))
      for (const column of missing) note({ row: 1, column, message: '表头缺少这一列' })
      if (missing.length > 0) result.fatal = true
      checker = new RowChecker(index)
      rejected?.push(`\uFEFF${csvLine([...header, '行号', '问题'])}`)
      return
    }
    // A row of empty cells (Excel leaves some at the end) is no row.
    if ((record[0] === '' || record[0].charCodeAt(0) <= 32) && record.every((field) => field.trim() === '')) return
    result.rows++
    const c = (checker as RowChecker).reset(record, result.rows + 1)
    const row = spec.check(c, known)
    if (decoded.invalid && record.some((field) => field.includes('\uFFFD'))) c.problem('(整行)', '含无法识别的字符：请把文件另存为 UTF-8 或 GBK 编码的 CSV')
    if (c.ok) {
      result.good++
      accept(row)
      return
    }
    result.rejected++
    onRejected?.()
    c.problems.forEach(note)
    rejected?.push(csvLine([...record, String(c.row), c.problems.map((p) => `${p.column}：${p.message}`).join('；')]))
  })

  try {
    let reported = 0
    const counted = (async function* () {
      for await (const chunk of source) {
        hash.update(chunk)
        bytes += chunk.length
        yield chunk
      }
    })()
    for await (const text of toText(counted, decoded)) {
      reader.write(text)
      await settle?.()
      await rejected?.flush()
      if (onProgress && result.rows - reported >= 50_000) {
        reported = result.rows
        onProgress({ phase: 'check', rows: result.rows, done: bytes })
      }
      if (result.fatal) break
    }
    if (!result.fatal) reader.end()
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error
    // A broken CSV structure (an unclosed quote, …) makes every later row doubtful: refuse the file.
    note({ row: error.line, column: '(文件)', message: `CSV 格式错误：${error.message}` })
    result.fatal = true
  } finally {
    await rejected?.close()
  }
  if (!header) {
    note({ row: 1, column: '(文件)', message: '文件是空的，没有表头' })
    result.fatal = true
  }
  onProgress?.({ phase: 'check', rows: result.rows, done: bytes })
  return { ...result, sha256: hash.digest('hex'), encoding: (decoded.encoding as Encoding | undefined) ?? null }
}
