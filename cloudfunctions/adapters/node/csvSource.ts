import { createHash } from 'node:crypto'
import type { ImportSource, SourceRecord } from '../../core/imports/ports'
import { toText, type Decoded } from './decode'
import { CsvReader } from './csv'

/**
 * The core's ImportSource over a file's bytes: decoded (./decode), read as CSV (./csv) and hashed
 * as they arrive, one batch of records per piece of text.
 */
export const csvSource = (bytes: AsyncIterable<Uint8Array>): ImportSource => {
  const hash = createHash('sha256')
  const decoded: Partial<Decoded> = {}
  let bytesRead = 0
  let sha256: string | null = null
  const counted = (async function* () {
    for await (const chunk of bytes) {
      hash.update(chunk)
      bytesRead += chunk.length
      yield chunk
    }
  })()
  async function* records(): AsyncGenerator<SourceRecord[]> {
    let batch: SourceRecord[] = []
    const reader = new CsvReader((fields) => batch.push(fields))
    const take = (): SourceRecord[] => {
      const taken = batch
      batch = []
      return taken
    }
    for await (const text of toText(counted, decoded)) {
      try {
        reader.write(text)
      } catch (error) {
        // A broken structure is thrown after the records before it, as the reader found them.
        if (batch.length > 0) yield take()
        throw error
      }
      // Every piece gives a batch, empty or not: the check writes and reports between them.
      yield take()
    }
    try {
      reader.end()
    } catch (error) {
      if (batch.length > 0) yield take()
      throw error
    }
    if (batch.length > 0) yield take()
  }
  return {
    records: records(),
    get bytesRead() {
      return bytesRead
    },
    get undecodable() {
      return decoded.invalid === true
    },
    sha256: () => (sha256 ??= hash.digest('hex')),
  }
}
