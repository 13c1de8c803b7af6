import { closeSync, createReadStream, openSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Staging } from '../../core/imports/ports'

const BUFFER_BYTES = 256 * 1024

/** Text lines written through one reused byte buffer with plain synchronous writes: no write queue to wait on. */
class ByteSink {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES)
  private used = 0

  constructor(private readonly fd: number) {}

  add(line: string): void {
    if (this.used + line.length * 3 + 1 > this.buffer.length) this.spill()
    if (line.length * 3 + 1 > this.buffer.length) {
      writeSync(this.fd, `${line}\n`)
      return
    }
    this.used += this.buffer.write(line, this.used, 'utf8')
    this.buffer[this.used++] = 10
  }

  private spill(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used)
    this.used = 0
  }

  private closed = false

  close(): void {
    if (this.closed) return
    this.closed = true
    this.spill()
    closeSync(this.fd)
  }
}

/**
 * The good rows of a file that is checked whole before anything is written (the register, the
 * catalogue, the calendar), parked in a temporary folder until then, in file order.
 */
export class FileStaging implements Staging {
  private readonly sink: ByteSink
  private readonly file: string

  private constructor(readonly dir: string) {
    this.file = join(dir, 'rows.staged')
    this.sink = new ByteSink(openSync(this.file, 'w'))
  }

  static async create(): Promise<FileStaging> {
    return new FileStaging(await mkdtemp(join(tmpdir(), 'shopmate-import-')))
  }

  add(line: string): void {
    this.sink.add(line)
  }

  close(): void {
    this.sink.close()
  }

  /** Every staged line, in batches, in file order. */
  async *batches(size = 10_000): AsyncGenerator<string[]> {
    let batch: string[] = []
    let rest = ''
    for await (const chunk of createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (chunk as string)).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        if (line === '') continue
        batch.push(line)
        if (batch.length >= size) {
          yield batch
          batch = []
        }
      }
    }
    if (rest !== '') batch.push(rest)
    if (batch.length > 0) yield batch
  }

  async remove(): Promise<void> {
    this.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}
