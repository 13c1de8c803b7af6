import { createHash } from 'node:crypto'
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { csvSource } from '../../cloudfunctions/adapters/node/csvSource'
import { CsvFormatError } from '../../cloudfunctions/adapters/node/csv'
import { importFile } from '../../cloudfunctions/core/imports/run'
import { FileFormatError, type ImportSource, type RejectedRows, type SourceRecord, type Staging } from '../../cloudfunctions/core/imports/ports'
import { repos } from '../../cloudfunctions/core/repos'
import { SKU_A, SKU_B, SKU_COLUMNS, openStore, removeDir } from './helpers'
import { REJECTED_COLUMNS, describeProblem, rowProblemsText } from '../../cloudfunctions/words/imports'

/**
 * The core's import behind its ports: records, staging, the rejected-rows sink and ids held in
 * memory, no file, no decoder, no CSV text. Then the Node source that feeds it on a laptop.
 */

/** A source over records given as arrays, one batch per array; `broken` is thrown after them. */
const memorySource = (batches: SourceRecord[][], broken?: FileFormatError): ImportSource & { hashed: boolean } => {
  const source = {
    hashed: false,
    records: (async function* () {
      yield* batches
      if (broken) throw broken
    })(),
    bytesRead: 0,
    undecodable: false,
    sha256: () => {
      source.hashed = true
      return 'ab'.repeat(32)
    },
  }
  return source
}

const memoryStaging = () => {
  const lines: string[] = []
  const state = { closed: false, removed: false }
  const staging: Staging = {
    add: (line) => void lines.push(line),
    close: () => void (state.closed = true),
    batches: async function* () {
      yield [...lines]
    },
    remove: async () => void (state.removed = true),
  }
  return { staging, state }
}

const memoryRejected = () => {
  const lines: string[][] = []
  const state = { closed: false }
  const sink: RejectedRows = {
    name: 'memory:rejected',
    header: (fields) => void lines.push([...fields, ...REJECTED_COLUMNS]),
    add: (fields, row, problems) => void lines.push([...fields, String(row), rowProblemsText(problems)]),
    flush: async () => undefined,
    close: async () => void (state.closed = true),
  }
  return { sink, lines, state }
}

const skuRow = (code: string, wholesale: string | number): string[] => [code, '青峰（软）', '青峰', '10-20元', String(wholesale), '1000', '1', '0']
const NOW = new Date('2026-03-18T10:00:00+08:00')

describe('the core import over in-memory ports', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = await openStore()
  })
  afterEach(() => removeDir(store.dir))

  it('imports the good rows, sets the bad one aside with its problems, and journals under the given id', async () => {
    const source = memorySource([[[...SKU_COLUMNS], skuRow(SKU_A, 9000)], [skuRow(SKU_B, 'x')]])
    const { staging, state } = memoryStaging()
    const rejected = memoryRejected()
    const report = await importFile({
      store, kind: 'skus', file: 'skus.csv', now: NOW, skipInvalid: true,
      source, staging: async () => staging, rejected: rejected.sink, newId: () => 'id-1',
    })
    expect(report).toMatchObject({ applied: true, rows: 2, imported: 1, rejected: 1, changedDocs: 1, rejectedFile: 'memory:rejected' })
    expect(rejected.lines).toEqual([
      [...SKU_COLUMNS, '行号', '问题'],
      [...skuRow(SKU_B, 'x'), '3', 'wholesale_fen_per_carton：应为整数，实际是「x」'],
    ])
    expect(rejected.state.closed).toBe(true)
    expect(state).toEqual({ closed: true, removed: true })
    expect(source.hashed).toBe(true)
    expect((await repos(store).skus.find({})).map((sku) => sku.skuCode)).toEqual([SKU_A])
    expect(await repos(store).imports.find({})).toMatchObject([{ _id: 'skus|2026-03-18T02:00:00.000Z|id-1', sha256: 'ab'.repeat(32), rows: 2, imported: 1, state: 'done' }])
  })

  it('leaves the sink untouched and refuses the file without skipInvalid', async () => {
    const rejected = memoryRejected()
    const report = await importFile({
      store, kind: 'skus', file: 'skus.csv', now: NOW,
      source: memorySource([[[...SKU_COLUMNS], skuRow(SKU_A, 9000), skuRow(SKU_B, 'x')]]),
      staging: async () => memoryStaging().staging, rejected: rejected.sink, newId: () => 'id-2',
    })
    expect(report).toMatchObject({ applied: false, rows: 2, imported: 0, rejected: 1 })
    expect(report).not.toHaveProperty('rejectedFile')
    expect(rejected.lines).toEqual([])
    expect(await repos(store).skus.count({})).toBe(0)
  })

  it('refuses a file whose structure breaks, counting the rows read before the break', async () => {
    const report = await importFile({
      store, kind: 'skus', file: 'skus.csv', now: NOW,
      source: memorySource([[[...SKU_COLUMNS], skuRow(SKU_A, 9000)]], new FileFormatError('unclosedQuote', 3)),
      staging: async () => memoryStaging().staging, newId: () => 'id-3',
    })
    expect(report).toMatchObject({ applied: false, rows: 1, imported: 0, rejected: 0, problems: [{ row: 3, column: '#file', code: 'csvFormat', problem: 'unclosedQuote' }] })
    expect(describeProblem(report.problems[0])).toBe('第 3 行 (文件)：CSV 格式错误：引号没有闭合')
    expect(await repos(store).skus.count({})).toBe(0)
    expect(await repos(store).imports.count({})).toBe(0)
  })
})

describe('the Node CSV source', () => {
  const pieces = (bytes: Buffer, size: number) =>
    (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
    })()
  const drain = async (source: ImportSource) => {
    const records: SourceRecord[] = []
    for await (const batch of source.records) records.push(...batch)
    return records
  }

  it('gives the header first, then the records, and hashes and counts every byte', async () => {
    const bytes = Buffer.from('\uFEFFa,b\r\n1,"x,y"\r\n2,青\r\n3,z', 'utf8')
    const source = csvSource(pieces(bytes, 5))
    expect(await drain(source)).toEqual([['a', 'b'], ['1', 'x,y'], ['2', '青'], ['3', 'z']])
    expect(source.bytesRead).toBe(bytes.length)
    expect(source.sha256()).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(source.undecodable).toBe(false)
  })

  it('yields the records before a broken structure, then throws it with its line', async () => {
    // One piece: the reader finds the break while reading it, after two records of the same piece.
    const source = csvSource(pieces(Buffer.from('a,b\n1,2\n3,"x"y\n4,5\n', 'utf8'), 1 << 10))
    const records: SourceRecord[] = []
    let thrown: unknown = null
    try {
      for await (const batch of source.records) records.push(...batch)
    } catch (error) {
      thrown = error
    }
    expect(records).toEqual([['a', 'b'], ['1', '2']])
    expect(thrown).toBeInstanceOf(CsvFormatError)
    expect(thrown).toBeInstanceOf(FileFormatError)
    expect(thrown).toMatchObject({ line: 3 })
  })

  it('says so when UTF-8 text holds bytes that are not UTF-8', async () => {
    // An ASCII start long enough to be sniffed as UTF-8, then GBK bytes for 青.
    const head = Buffer.from(`a,b\n${'1,2\n'.repeat(20_000)}`, 'utf8')
    const source = csvSource(pieces(Buffer.concat([head, Buffer.from([0x33, 0x2c, 0xc7, 0xe0, 0x0a])]), 1 << 16))
    const records = await drain(source)
    expect(records.at(-1)).toEqual(['3', '\uFFFD\uFFFD'])
    expect(source.undecodable).toBe(true)
  })
})
