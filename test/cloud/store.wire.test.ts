import { Db } from '@cloudbase/database'
import { CloudBaseStore, PAGE_SIZE } from '../../cloudfunctions/adapters/cloudbase/store'
import type { Doc } from '../../cloudfunctions/core/ports'

/**
 * There is no CloudBase emulator, so without credentials the contract suite cannot reach the cloud
 * half. These tests run the real node-sdk database code and stop only at its HTTP requester: they
 * check the requests our store makes (queries, pages, updates) and how it reads the answers,
 * including the errors CloudBase sends back.
 */
interface Call {
  action: string
  params: Record<string, unknown>
}
type Answer = (call: Call) => unknown

let calls: Call[] = []
let answer: Answer = () => ({ data: {} })

/** Stands in for node-sdk's TcbDBApiHttpRequester: the one place requests leave the SDK. */
class Requester {
  async send(action: string, params: Record<string, unknown>): Promise<unknown> {
    const call = { action, params }
    calls.push(call)
    return answer(call)
  }
}

/** The SDK's request errors, as node-sdk throws them (TcbError: code + message). */
const cloudError = (code: string, message: string) => Object.assign(new Error(message), { code })

/** EJSON text as the SDK sends it, with its number wrappers unwrapped for readable expectations. */
const decode = (text: unknown): unknown =>
  JSON.parse(String(text), (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value)
      if (keys.length === 1 && ['$numberInt', '$numberDouble', '$numberLong'].includes(keys[0])) return Number(value[keys[0]])
    }
    return value
  })

const docs = (list: object[]) => ({ data: { list: list.map((d) => JSON.stringify(d)) }, requestId: 'r' })
const numbered = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ _id: `p${from + i}`, n: from + i }))

interface Item extends Doc {
  n: number
  tag?: string
  note?: string | null
  shop?: { district: string; grade: number }
}

describe('the CloudBase store, down to the requests node-sdk sends', () => {
  const items = () => new CloudBaseStore(new Db({ env: 'test-env' }) as never, { prefix: 'p_' }).collection<Item>('retailers')

  beforeEach(() => {
    ;(Db as unknown as { reqClass: unknown }).reqClass = Requester
    calls = []
    answer = () => ({ data: {} })
  })

  it('translates equality, operators and dotted fields into one query, on the prefixed collection', async () => {
    answer = () => docs([])
    await items().find({ 'shop.district': '岩溪镇', tag: { $in: ['red', 'green'] }, note: { $ne: null }, n: { $gt: 1, $lte: 4 } })
    expect(calls).toHaveLength(1)
    expect(calls[0].action).toBe('database.getDocument')
    expect(calls[0].params.collectionName).toBe('p_retailers')
    expect(decode(calls[0].params.query)).toEqual({
      'shop.district': '岩溪镇',
      tag: { $in: ['red', 'green'] },
      note: { $ne: null },
      $and: [{ n: { $gt: 1 } }, { n: { $lte: 4 } }],
    })
  })

  it('reads every page when no limit is given: 1,000 + 1,000 + 50 documents in three requests, each after the last key', async () => {
    const pages = [numbered(0, 1000), numbered(1000, 1000), numbered(2000, 50)]
    answer = () => docs(pages.shift() ?? [])
    const found = await items().find({ tag: 'red' }, { sort: { n: -1 } })
    expect(found).toHaveLength(2050)
    // Keyset paging, never an offset: the server does not walk the documents before the page.
    expect(calls.map((c) => [c.params.offset, c.params.limit])).toEqual([
      [undefined, PAGE_SIZE],
      [undefined, PAGE_SIZE],
      [undefined, PAGE_SIZE],
    ])
    // The requested order first, then _id, so no document moves between pages.
    expect(decode(calls[0].params.order)).toEqual({ n: -1, _id: 1 })
    expect(decode(calls[0].params.query)).toEqual({ tag: 'red' })
    // After p999 (n 999) in the order n descending, _id ascending.
    expect(decode(calls[1].params.query)).toEqual({
      $and: [{ tag: 'red' }, { $or: [{ n: { $lt: 999 } }, { n: 999, _id: { $gt: 'p999' } }] }],
    })
    expect(decode(calls[2].params.query)).toEqual({
      $and: [{ tag: 'red' }, { $or: [{ n: { $lt: 1999 } }, { n: 1999, _id: { $gt: 'p1999' } }] }],
    })
  })

  it('asks for exactly the window of a skip and a limit above one page: 1,000 from 20, then 10 after the last key', async () => {
    const pages = [numbered(20, 1000), numbered(1020, 10)]
    answer = () => docs(pages.shift() ?? [])
    const found = await items().find({}, { sort: { n: 1 }, skip: 20, limit: 1010 })
    expect(calls.map((c) => [c.params.offset, c.params.limit])).toEqual([
      [20, 1000],
      [undefined, 10],
    ])
    expect(found.map((d) => d.n)).toEqual(Array.from({ length: 1010 }, (_, i) => 20 + i))
    expect(decode(calls[0].params.query)).toEqual({ _id: { $exists: true } })
    expect(decode(calls[1].params.query)).toEqual({ $and: [{ _id: { $exists: true } }, { $or: [{ n: { $gt: 1019 } }, { n: 1019, _id: { $gt: 'p1019' } }] }] })
  })

  it('stops after a short page without asking again', async () => {
    answer = () => docs(numbered(0, 3))
    expect(await items().find({}, { limit: 10 })).toHaveLength(3)
    expect(calls).toHaveLength(1)
  })

  it('insert answers false for DATABASE_DUPLICATE_WRITE and passes any other error on', async () => {
    answer = () => {
      throw cloudError('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error collection: p_retailers index: _id_')
    }
    expect(await items().insert({ _id: 'a', n: 1 })).toBe(false)
    expect(calls[0]).toMatchObject({ action: 'database.insertDocument', params: { collectionName: 'p_retailers' } })
    expect(decode((calls[0].params.data as string[])[0])).toEqual({ _id: 'a', n: 1 })
    answer = () => {
      throw cloudError('DATABASE_PERMISSION_DENIED', 'permission denied')
    }
    await expect(items().insert({ _id: 'b', n: 2 })).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' })
  })

  it('put replaces the document with this id (set, upsert, no merge) and keeps _id out of the body', async () => {
    answer = () => ({ data: { updated: 1 } })
    await items().put({ _id: 'a', n: 9, shop: { district: '武安镇', grade: 5 } })
    expect(calls[0].action).toBe('database.modifyDocument')
    expect(calls[0].params).toMatchObject({ queryType: 'DOC', upsert: true, merge: false, multi: false })
    expect(decode(calls[0].params.query)).toEqual({ _id: 'a' })
    expect(decode(calls[0].params.data)).toEqual({ n: 9, shop: { district: '武安镇', grade: 5 } })
  })

  it('putMany inserts the new ids in one batch and replaces the existing ones, the last of a repeated id winning', async () => {
    answer = ({ action }) => (action === 'database.getDocument' ? docs([{ _id: 'a', n: 1 }]) : { data: { updated: 1, insertedIds: ['f', 'g'] } })
    await items().putMany([
      { _id: 'a', n: 100 },
      { _id: 'f', n: 6 },
      { _id: 'g', n: 7 },
      { _id: 'f', n: 60 },
    ])
    expect(calls.map((c) => c.action)).toEqual(['database.getDocument', 'database.insertDocument', 'database.modifyDocument'])
    expect(decode(calls[0].params.query)).toEqual({ _id: { $in: ['a', 'f', 'g'] } })
    expect((calls[1].params.data as string[]).map(decode)).toEqual([
      { _id: 'f', n: 60 },
      { _id: 'g', n: 7 },
    ])
    expect(decode(calls[2].params.query)).toEqual({ _id: 'a' })
    expect(decode(calls[2].params.data)).toEqual({ n: 100 })
  })

  it('update sets object fields whole instead of merging them, and returns the count CloudBase reports', async () => {
    answer = () => ({ data: { updated: 2 } })
    expect(await items().update({ tag: 'red' }, { note: 'checked', shop: { district: '陈巷镇', grade: 2 } })).toBe(2)
    expect(calls[0].params).toMatchObject({ queryType: 'WHERE', multi: true, upsert: false })
    expect(decode(calls[0].params.query)).toEqual({ tag: 'red' })
    expect(decode(calls[0].params.data)).toEqual({ $set: { note: 'checked', shop: { district: '陈巷镇', grade: 2 } } })
  })

  it('remove with an empty filter spells out "every document", as CloudBase requires', async () => {
    answer = () => ({ data: { deleted: 3 } })
    expect(await items().remove({})).toBe(3)
    expect(calls[0].action).toBe('database.removeDocument')
    expect(decode(calls[0].params.query)).toEqual({ _id: { $exists: true } })
  })

  it('count reads the total CloudBase calculates', async () => {
    answer = () => ({ data: { total: 42 } })
    expect(await items().count({ tag: 'blue' })).toBe(42)
    expect(calls[0].action).toBe('database.calculateDocument')
  })

  describe('increment (insert-or-increment)', () => {
    const counter = () => new CloudBaseStore(new Db({ env: 'test-env' }) as never).collection<{ _id: string; count: number; bucketEndsAt: number }>('counters')

    it('adds to an existing counter in one request and returns the new value', async () => {
      answer = () => ({ data: { updated: 1, doc: JSON.stringify({ _id: 'k', count: 4, bucketEndsAt: 9 }) } })
      expect(await counter().increment('k', 'count', 1, { count: 0, bucketEndsAt: 9 })).toBe(4)
      expect(calls.map((c) => c.action)).toEqual(['database.modifyAndReturnDoc'])
      expect(decode(calls[0].params.query)).toEqual({ _id: 'k' })
      expect(decode(calls[0].params.data)).toEqual({ $inc: { count: 1 } })
    })

    it('creates an absent counter already counted', async () => {
      answer = ({ action }) => (action === 'database.modifyAndReturnDoc' ? { data: { updated: 0 } } : { data: { insertedIds: ['k'] } })
      expect(await counter().increment('k', 'count', 2, { count: 10, bucketEndsAt: 9 })).toBe(12)
      expect(calls.map((c) => c.action)).toEqual(['database.modifyAndReturnDoc', 'database.insertDocument'])
      expect(decode((calls[1].params.data as string[])[0])).toEqual({ _id: 'k', count: 12, bucketEndsAt: 9 })
    })

    it('increments after all when another caller created the counter first', async () => {
      const answers = [{ data: { updated: 0 } }, 'duplicate', { data: { updated: 1, doc: JSON.stringify({ _id: 'k', count: 2, bucketEndsAt: 9 }) } }]
      answer = () => {
        const next = answers.shift()
        if (next === 'duplicate') throw cloudError('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error')
        return next
      }
      expect(await counter().increment('k', 'count', 1, { count: 0, bucketEndsAt: 9 })).toBe(2)
      expect(calls.map((c) => c.action)).toEqual(['database.modifyAndReturnDoc', 'database.insertDocument', 'database.modifyAndReturnDoc'])
    })
  })
})
