import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { RejectedRows } from '../../core/imports/ports'
import type { RowProblem } from '../../contracts/insights'
import { REJECTED_COLUMNS, rowProblemsText } from '../../words/imports'

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`

/**
 * Rejected rows as a CSV file Excel opens (a BOM, CRLF lines), created when the first line (the
 * header) comes. Small writes are buffered into large ones and the stream's backpressure honoured.
 */
export class RejectedRowsFile implements RejectedRows {
  private out: WriteStream | null = null
  private buffer = ''

  constructor(readonly name: string) {}

  header(fields: readonly string[]): void {
    this.line([...fields, ...REJECTED_COLUMNS])
  }

  add(fields: readonly string[], row: number, problems: readonly RowProblem[]): void {
    this.line([...fields, String(row), rowProblemsText(problems)])
  }

  private line(fields: readonly string[]): void {
    if (!this.out) {
      this.out = createWriteStream(this.name)
      this.buffer = '\uFEFF'
    }
    this.buffer += csvLine(fields)
  }

  async flush(force = false): Promise<void> {
    if (!this.out || (this.buffer.length < 1 << 20 && !force)) return
    const ok = this.out.write(this.buffer)
    this.buffer = ''
    if (!ok) await once(this.out, 'drain')
  }

  async close(): Promise<void> {
    if (!this.out) return
    await this.flush(true)
    this.out.end()
    await once(this.out, 'finish')
    this.out = null
  }
}
