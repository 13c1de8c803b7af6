import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedStore } from '../../cloudfunctions/adapters/embedded/store'
import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'
import { repos } from '../../cloudfunctions/core/repos'
import type { Binding, CalendarEntry, Counter, OrderRecord, Retailer, Sku } from '../../cloudfunctions/core/model'
import type { Doc, DocumentStore, Filter } from '../../cloudfunctions/core/ports'

/**
 * One contract, every store: the core may rely on exactly what these tests pin down, whichever
 * adapter is underneath. Expectations are worked out by hand from the five items below.
 */
interface Subject {
  /** An empty store. */
  open(): Promise<DocumentStore>
  /** A second store over the same data, as after a restart. */
  reopen(): Promise<DocumentStore>
  dispose(): Promise<void>
}

interface Item extends Doc {
  n: number
  tag: string
  shop: { district: string; grade: number }
  note: string | null
}

const ITEMS: Item[] = [
  { _id: 'a', n: 1, tag: 'red', shop: { district: '武安镇', grade: 5 }, note: null },
  { _id: 'b', n: 2, tag: 'blue', shop: { district: '岩溪镇', grade: 12 }, note: 'x' },
  { _id: 'c', n: 3, tag: 'red', shop: { district: '岩溪镇', grade: 20 }, note: 'y' },
  { _id: 'd', n: 4, tag: 'green', shop: { district: '陈巷镇', grade: 30 }, note: null },
  { _id: 'e', n: 5, tag: 'blue', shop: { district: '武安镇', grade: 1 }, note: 'z' },
]
const byId = (id: string): Item => ITEMS.find((item) => item._id === id)!
const ids = (docs: Doc[]): string[] => docs.map((d) => d._id)

const contract = (name: string, subject: () => Subject, timeout: number) => {
  describe(name, () => {
    let s: Subject
    let store: DocumentStore
    const items = () => store.collection<Item>('retailers')
    const seed = () => items().putMany(ITEMS)

    beforeEach(async () => {
      s = subject()
      store = await s.open()
    }, timeout)
    afterEach(() => s.dispose(), timeout)

    it('get returns the document, or null for an id nobody wrote', async () => {
      await seed()
      expect(await items().get('c')).toEqual(byId('c'))
      expect(await items().get('zz')).toBeNull()
    }, timeout)

    it('find matches equality and each operator, on plain and dotted fields', async () => {
      await seed()
      const find = async (filter: Filter) => ids(await items().find(filter, { sort: { n: 1 } }))
      expect(await find({ tag: 'red' })).toEqual(['a', 'c'])
      expect(await find({ tag: { $in: ['red', 'green'] } })).toEqual(['a', 'c', 'd'])
      expect(await find({ tag: { $ne: 'red' } })).toEqual(['b', 'd', 'e'])
      expect(await find({ n: { $lt: 3 } })).toEqual(['a', 'b'])
      expect(await find({ n: { $lte: 3 } })).toEqual(['a', 'b', 'c'])
      expect(await find({ n: { $gt: 3 } })).toEqual(['d', 'e'])
      expect(await find({ n: { $gte: 3 } })).toEqual(['c', 'd', 'e'])
      expect(await find({ n: { $gt: 1, $lte: 4 } })).toEqual(['b', 'c', 'd'])
      expect(await find({ 'shop.district': '岩溪镇' })).toEqual(['b', 'c'])
      expect(await find({ 'shop.grade': { $gte: 12 } })).toEqual(['b', 'c', 'd'])
      expect(await find({ tag: 'blue', 'shop.grade': { $lt: 10 } })).toEqual(['e'])
      expect(await find({ note: null })).toEqual(['a', 'd'])
      expect(await find({ note: { $ne: null } })).toEqual(['b', 'c', 'e'])
      expect(await find({ tag: 'purple' })).toEqual([])
    }, timeout)

    it('find sorts on several and dotted keys, then skips and limits', async () => {
      await seed()
      expect(ids(await items().find({}, { sort: { 'shop.grade': -1 } }))).toEqual(['d', 'c', 'b', 'a', 'e'])
      expect(ids(await items().find({}, { sort: { tag: 1, n: -1 } }))).toEqual(['e', 'b', 'd', 'c', 'a'])
      expect(ids(await items().find({}, { sort: { n: -1 }, skip: 1, limit: 2 }))).toEqual(['d', 'c'])
      expect(ids(await items().find({ tag: { $ne: 'green' } }, { sort: { n: 1 }, skip: 3 }))).toEqual(['e'])
      expect(await items().find({}, { sort: { n: 1 }, skip: 5 })).toEqual([])
    }, timeout)

    it('find reads past one server page: all 1,050 matches without a limit, and a 1,010 window after a skip', async () => {
      const many = store.collection<{ _id: string; n: number }>('skus')
      await many.putMany(Array.from({ length: 1050 }, (_, i) => ({ _id: `p${String(i).padStart(4, '0')}`, n: i })))
      const all = await many.find({})
      expect(all).toHaveLength(1050)
      expect(new Set(ids(all)).size).toBe(1050)
      const window = await many.find({}, { sort: { n: 1 }, skip: 20, limit: 1010 })
      expect(window).toHaveLength(1010)
      expect(window[0].n).toBe(20)
      expect(window[1009].n).toBe(1029)
      expect(await many.count({ n: { $gte: 1000 } })).toBe(50)
    }, timeout * 4)

    it('group counts, sums and reads the first document of each group, on plain and dotted fields, in key order', async () => {
      await seed()
      expect(await items().group({}, { by: ['tag'], sum: ['n', 'shop.grade'], first: ['shop.district', 'note'] })).toEqual([
        { key: ['blue'], count: 2, sums: { n: 7, 'shop.grade': 13 }, first: { 'shop.district': '岩溪镇', note: 'x' } },
        { key: ['green'], count: 1, sums: { n: 4, 'shop.grade': 30 }, first: { 'shop.district': '陈巷镇', note: null } },
        { key: ['red'], count: 2, sums: { n: 4, 'shop.grade': 25 }, first: { 'shop.district': '武安镇', note: null } },
      ])
      // Two key fields, a filter, a missing (null) key value and a field that sums nothing.
      await items().put({ _id: 'f', n: 6, tag: 'red', shop: { district: '武安镇', grade: 2 }, note: 'w' })
      await store.collection<Doc & { n: number }>('retailers').put({ _id: 'g', n: 7 })
      expect(await items().group({ n: { $gte: 2 } }, { by: ['shop.district', 'tag'], sum: ['shop.grade', 'missing'] })).toEqual([
        { key: [null, null], count: 1, sums: { 'shop.grade': 0, missing: 0 }, first: {} },
        { key: ['岩溪镇', 'blue'], count: 1, sums: { 'shop.grade': 12, missing: 0 }, first: {} },
        { key: ['岩溪镇', 'red'], count: 1, sums: { 'shop.grade': 20, missing: 0 }, first: {} },
        { key: ['武安镇', 'blue'], count: 1, sums: { 'shop.grade': 1, missing: 0 }, first: {} },
        { key: ['武安镇', 'red'], count: 1, sums: { 'shop.grade': 2, missing: 0 }, first: {} },
        { key: ['陈巷镇', 'green'], count: 1, sums: { 'shop.grade': 30, missing: 0 }, first: {} },
      ])
      expect(await items().group({ tag: 'purple' }, { by: ['tag'] })).toEqual([])
    }, timeout)

    it('group reads past one server page: 1,050 groups of two documents, each group whole', async () => {
      const many = store.collection<{ _id: string; shop: string; week: number; n: number }>('skus')
      await many.putMany(Array.from({ length: 2100 }, (_, i) => ({ _id: `p${String(i).padStart(4, '0')}`, shop: `s${String(i >> 1).padStart(4, '0')}`, week: i % 2, n: i })))
      const groups = await many.group({}, { by: ['shop'], sum: ['n'], first: ['n'] })
      expect(groups).toHaveLength(1050)
      expect(groups[0]).toEqual({ key: ['s0000'], count: 2, sums: { n: 1 }, first: { n: 0 } })
      expect(groups[1049]).toEqual({ key: ['s1049'], count: 2, sums: { n: 4197 }, first: { n: 2098 } })
      expect(groups.every((g) => g.count === 2)).toBe(true)
      // Two key fields: 2,100 groups of one document, still each once.
      const pairs = await many.group({}, { by: ['shop', 'week'], sum: ['n'] })
      expect(pairs).toHaveLength(2100)
      expect(pairs.reduce((sum, g) => sum + g.sums.n, 0)).toBe((2099 * 2100) / 2)
      // More groups under one first-key value than a page holds.
      const byWeek = await many.group({}, { by: ['week', 'shop'] })
      expect(byWeek).toHaveLength(2100)
      expect(byWeek.slice(1049, 1051).map((g) => g.key)).toEqual([[0, 's1049'], [1, 's0000']])
      expect(new Set(byWeek.map((g) => g.key.join())).size).toBe(2100)
    }, timeout * 4)

    it('findOneWith reads the first match and, in the same read, each join: correlated, with conditions, ordered, limited, cut to fields', async () => {
      await seed()
      const notes = store.collection<{ _id: string; item: string; n: number }>('orders')
      await notes.putMany([
        { _id: 'n1', item: 'c', n: 3 },
        { _id: 'n2', item: 'c', n: 1 },
        { _id: 'n3', item: 'c', n: 2 },
        { _id: 'n4', item: 'a', n: 9 },
      ])
      const found = await items().findOneWith(
        { tag: 'red', n: { $gte: 2 } },
        {
          sameTag: { from: 'retailers', on: { local: 'tag', foreign: 'tag' } },
          bigNotes: { from: 'orders', on: { local: '_id', foreign: 'item' }, where: { n: { $gte: 2 } }, sort: { n: -1 } },
          smallest: { from: 'orders', on: { local: '_id', foreign: 'item' }, sort: { n: 1 }, limit: 1 },
          blue: { from: 'retailers', where: { tag: 'blue' }, sort: { n: -1 } },
          byNote: { from: 'orders', on: { local: 'note', foreign: 'item' } },
          byDistrict: { from: 'retailers', on: { local: 'shop.district', foreign: 'shop.district' }, where: { _id: { $ne: 'c' } } },
          cut: { from: 'retailers', where: { tag: { $in: ['red', 'green'] } }, sort: { n: 1 }, fields: ['n', 'note', 'shop', 'missing'] },
        },
      )
      expect(found?.doc).toEqual(byId('c'))
      expect(ids(found!.joined.sameTag).sort()).toEqual(['a', 'c'])
      expect(found!.joined.bigNotes).toEqual([{ _id: 'n1', item: 'c', n: 3 }, { _id: 'n3', item: 'c', n: 2 }])
      expect(found!.joined.smallest).toEqual([{ _id: 'n2', item: 'c', n: 1 }])
      expect(found!.joined.blue).toEqual([byId('e'), byId('b')])
      expect(found!.joined.byNote).toEqual([])
      expect(found!.joined.byDistrict).toEqual([byId('b')])
      // Only the fields asked for, whole (objects too), null kept, a field the document lacks absent.
      expect(found!.joined.cut).toEqual([
        { _id: 'a', n: 1, note: null, shop: { district: '武安镇', grade: 5 } },
        { _id: 'c', n: 3, note: 'y', shop: { district: '岩溪镇', grade: 20 } },
        { _id: 'd', n: 4, note: null, shop: { district: '陈巷镇', grade: 30 } },
      ])
      expect(found!.joined.cut.every((doc) => !('missing' in doc) && !('tag' in doc))).toBe(true)
      // Several matches: the first in _id order. None: null.
      expect((await items().findOneWith({ tag: 'blue' }, {}))?.doc).toEqual(byId('b'))
      expect(await items().findOneWith({ tag: 'purple' }, { blue: { from: 'retailers', where: { tag: 'blue' } } })).toBeNull()
    }, timeout)

    it('count counts what find would find', async () => {
      await seed()
      expect(await items().count({})).toBe(5)
      expect(await items().count({ tag: 'blue' })).toBe(2)
      expect(await items().count({ 'shop.grade': { $gt: 100 } })).toBe(0)
    }, timeout)

    it('insert refuses a taken id and leaves the original alone', async () => {
      await seed()
      expect(await items().insert({ _id: 'f', n: 6, tag: 'red', shop: { district: '武安镇', grade: 2 }, note: null })).toBe(true)
      expect(await items().insert({ ...byId('a'), n: 99 })).toBe(false)
      expect(await items().get('a')).toEqual(byId('a'))
      expect(await items().count({})).toBe(6)
    }, timeout)

    it('insert refuses a second binding for the same WeChat user (unique index on bindings.openId)', async () => {
      const bindings = repos(store).bindings
      expect(await bindings.insert({ _id: '350625100001', openId: 'o-wang', boundAt: '2025-06-02T10:00:00+08:00' })).toBe(true)
      expect(await bindings.insert({ _id: '350625100002', openId: 'o-wang', boundAt: '2025-06-02T10:05:00+08:00' })).toBe(false)
      expect(await bindings.get('350625100002')).toBeNull()
      expect(await bindings.insert({ _id: '350625100002', openId: 'o-li', boundAt: '2025-06-02T10:06:00+08:00' })).toBe(true)
      expect(ids(await bindings.find({ openId: 'o-wang' }))).toEqual(['350625100001'])
    }, timeout)

    it('put replaces the whole document, and creates it when absent', async () => {
      await seed()
      const slim = { _id: 'a', n: 9 } as unknown as Item
      await items().put(slim)
      expect(await items().get('a')).toEqual({ _id: 'a', n: 9 })
      const fresh: Item = { _id: 'g', n: 7, tag: 'green', shop: { district: '岩溪镇', grade: 3 }, note: 'new' }
      await items().put(fresh)
      expect(await items().get('g')).toEqual(fresh)
      expect(await items().count({})).toBe(6)
    }, timeout)

    it('putMany replaces existing ids, adds new ones, and the last of a repeated id wins', async () => {
      await seed()
      const a2: Item = { ...byId('a'), n: 100 }
      const f1: Item = { _id: 'f', n: 6, tag: 'red', shop: { district: '武安镇', grade: 2 }, note: 'first' }
      const f2: Item = { ...f1, note: 'second' }
      const b2: Item = { ...byId('b'), tag: 'green' }
      await items().putMany([a2, f1, f2, b2])
      expect(await items().get('a')).toEqual(a2)
      expect(await items().get('b')).toEqual(b2)
      expect(await items().get('f')).toEqual(f2)
      expect(await items().count({})).toBe(6)
      await items().putMany([])
      expect(await items().count({})).toBe(6)
    }, timeout)

    it('update sets fields on every match, replaces object fields whole, and returns how many matched', async () => {
      await seed()
      expect(await items().update({ tag: 'red' }, { note: 'checked' })).toBe(2)
      expect((await items().find({ note: 'checked' }, { sort: { n: 1 } })).map((d) => d._id)).toEqual(['a', 'c'])
      expect(await items().get('b')).toEqual(byId('b'))
      expect(await items().update({ _id: 'a' }, { shop: { district: '陈巷镇', grade: 2 } })).toBe(1)
      expect(await items().get('a')).toEqual({ ...byId('a'), note: 'checked', shop: { district: '陈巷镇', grade: 2 } })
      expect(await items().update({ tag: 'purple' }, { note: 'none' })).toBe(0)
    }, timeout)

    it('update adds to numeric fields in the same write, starting an absent field from 0', async () => {
      await seed()
      expect(await items().update({ tag: 'blue' }, { note: 'paid' }, { n: 10 })).toBe(2)
      expect(await items().update({ _id: 'a' }, {}, { spent: 2 })).toBe(1)
      expect((await items().find({ tag: 'blue' }, { sort: { n: 1 } })).map((d) => [d._id, d.n, d.note])).toEqual([
        ['b', 12, 'paid'],
        ['e', 15, 'paid'],
      ])
      expect(await items().get('a')).toEqual({ ...byId('a'), spent: 2 })
      expect(await items().get('c')).toEqual(byId('c'))
    }, timeout)

    it('update with an _id and a condition is a compare-and-set: of ten concurrent claims exactly one wins', async () => {
      await seed()
      const claims = Array.from({ length: 10 }, (_, i) => `claimant-${i}`)
      const won = await Promise.all(claims.map((who) => items().update({ _id: 'a', note: null }, { note: who })))
      expect(won.filter((n) => n === 1)).toHaveLength(1)
      expect(won.filter((n) => n === 0)).toHaveLength(9)
      expect((await items().get('a'))?.note).toBe(claims[won.indexOf(1)])
    }, timeout)

    it('increment creates the document from init, then adds; it returns the new value', async () => {
      const counters = repos(store).counters
      expect(await counters.increment('k', 'count', 1, { count: 0, bucketEndsAt: 99 })).toBe(1)
      expect(await counters.increment('k', 'count', 2, { count: 0, bucketEndsAt: 99 })).toBe(3)
      expect(await counters.get('k')).toEqual({ _id: 'k', count: 3, bucketEndsAt: 99 })
      expect(await counters.increment('j', 'count', 5, { count: 10, bucketEndsAt: 1 })).toBe(15)
    }, timeout)

    it('increment counts 50 concurrent increments of an absent counter as 50, each seeing its own value', async () => {
      const counters = repos(store).counters
      const seen = await Promise.all(Array.from({ length: 50 }, () => counters.increment('race', 'count', 1, { count: 0, bucketEndsAt: 7 })))
      expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      expect(await counters.get('race')).toEqual({ _id: 'race', count: 50, bucketEndsAt: 7 })
    }, timeout * 2)

    it('remove deletes every match and returns how many', async () => {
      await seed()
      expect(await items().remove({ tag: 'blue' })).toBe(2)
      expect(ids(await items().find({}, { sort: { n: 1 } }))).toEqual(['a', 'c', 'd'])
      expect(await items().remove({ tag: 'purple' })).toBe(0)
      expect(await items().remove({})).toBe(3)
      expect(await items().count({})).toBe(0)
    }, timeout)

    it('data survives reopening the store: inserts, replacements, updates, increments and removals', async () => {
      await seed()
      await items().put({ ...byId('b'), n: 20 })
      await items().update({ _id: 'c' }, { note: 'kept' })
      await items().remove({ _id: 'e' })
      await repos(store).counters.increment('k', 'count', 4, { count: 0, bucketEndsAt: 1 })
      const again = await s.reopen()
      expect(await again.collection<Item>('retailers').find({}, { sort: { n: 1 } })).toEqual([
        byId('a'),
        { ...byId('c'), note: 'kept' },
        byId('d'),
        { ...byId('b'), n: 20 },
      ])
      expect(await again.collection<Counter>('counters').get('k')).toEqual({ _id: 'k', count: 4, bucketEndsAt: 1 })
    }, timeout)

    it('every typed repository round-trips its documents', async () => {
      const db = repos(store)
      const retailer: Retailer = {
        _id: '350625100001',
        licenseNo: '350625100001',
        shopName: '武安好邻居便利店',
        ownerName: '王秀英',
        phone: '13800000001',
        businessType: '便利店',
        areaType: '城镇',
        district: '武安镇',
        grade: 18,
        integrityScore: 96,
        monthlyQuotaCartons: 120,
        orderWindow: { openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' },
        manager: { name: '陈经理', phone: '13900000001' },
      }
      const sku: Sku = {
        _id: '6901028000001',
        skuCode: '6901028000001',
        name: '山海（硬）',
        brand: '山海',
        priceBand: '一类',
        wholesaleFenPerCarton: 42_400,
        retailFenPerPack: 5_000,
        isKey: true,
        isNew: false,
      }
      const binding: Binding = { _id: '350625100001', openId: 'o-wang', boundAt: '2025-06-02T10:00:00+08:00' }
      const counter: Counter = { _id: 'bind:o-li:1748829600000', count: 2, bucketEndsAt: 1_748_833_200_000 }
      const entry: CalendarEntry = {
        _id: '武安镇|2025-10-06',
        scope: '武安镇',
        cycleId: '2025-10-06',
        action: 'move',
        newOpen: '2025-10-08T08:00:00+08:00',
        newClose: '2025-10-08T16:00:00+08:00',
      }
      const order: OrderRecord = { _id: '350625100001|2025-06-02', licenseNo: '350625100001', cycleId: '2025-06-02', source: 'self', by: 'o-wang', at: '2025-06-01T09:30:00+08:00' }
      await db.retailers.put(retailer)
      await db.skus.put(sku)
      await db.bindings.put(binding)
      await db.counters.put(counter)
      await db.calendar.put(entry)
      await db.orders.put(order)
      expect(await db.retailers.get(retailer._id)).toEqual(retailer)
      expect(await db.skus.get(sku._id)).toEqual(sku)
      expect(await db.bindings.get(binding._id)).toEqual(binding)
      expect(await db.counters.get(counter._id)).toEqual(counter)
      expect(await db.calendar.get(entry._id)).toEqual(entry)
      expect(await db.orders.get(order._id)).toEqual(order)
      expect(await db.retailers.find({ district: '武安镇' })).toEqual([retailer])
      expect(await db.orders.find({ licenseNo: '350625100001' })).toEqual([order])
    }, timeout)
  })
}

/** The embedded store: real nedb files in a fresh temp dir per test. */
const embedded = (): Subject => {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-contract-'))
  return {
    open: () => new EmbeddedStore(dir).open(),
    reopen: () => new EmbeddedStore(dir).open(),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

contract('EmbeddedStore (@seald-io/nedb in a temp dir)', embedded, 5_000)

/** The laptop's store: a real SQLite database in a fresh temp dir per test, closed before the next opens. */
const sqlite = (): Subject => {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-contract-sqlite-'))
  const open: SqliteStore[] = []
  const opened = async () => {
    const store = await new SqliteStore(dir).open()
    open.push(store)
    return store
  }
  return {
    open: opened,
    reopen: async () => {
      for (const store of open.splice(0)) store.close()
      return opened()
    },
    dispose: async () => {
      for (const store of open.splice(0)) store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

contract('SqliteStore (better-sqlite3 in a temp dir)', sqlite, 5_000)

/**
 * The CloudBase store adapter itself — its node-sdk calls, serialised as the SDK sends them — over
 * the drill's in-process simulated CloudBase database (no credentials needed).
 */
const simulated = (): Subject => {
  const sim = new SimulatedCloudBase({ unique: { bindings: ['openId'] } })
  const store = async () => new CloudBaseStore(sim.database() as never)
  return { open: store, reopen: store, dispose: async () => undefined }
}

contract('CloudBaseStore over the simulated CloudBase database (node-sdk request layer answered in process)', simulated, 5_000)

/**
 * A real CloudBase environment, when its credentials are in the environment. The suite works on
 * `contract_*` collections (created when missing) and empties them before each test, so it never
 * touches the environment's real data. CloudBase cannot create indexes from the SDK: before the
 * first run, add a unique index on `openId` to `contract_bindings` in the console.
 */
const { TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, TENCENTCLOUD_SESSIONTOKEN } = process.env
const PREFIX = 'contract_'

/** One connection and one check that the collections exist, for the whole run. */
let cloudDb: Promise<CloudBaseDb> | undefined
type CloudBaseDb = ConstructorParameters<typeof CloudBaseStore>[0]
const connect = (): Promise<CloudBaseDb> =>
  (cloudDb ??= (async () => {
    // Loaded only here, so the embedded half never starts the SDK.
    const tcb = await import('@cloudbase/node-sdk')
    const db = tcb
      .init({ env: TCB_ENV_ID, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY, sessionToken: TENCENTCLOUD_SESSIONTOKEN })
      .database()
    for (const name of Object.keys(COLLECTIONS)) {
      await Promise.resolve(db.createCollection(`${PREFIX}${name}`)).catch(() => undefined) // already there
    }
    return db
  })())

const cloud = (): Subject => {
  const store = async () => new CloudBaseStore(await connect(), { prefix: PREFIX })
  return {
    open: async () => {
      const emptied = await store()
      await Promise.all(Object.keys(COLLECTIONS).map((name) => emptied.collection(name).remove({})))
      return emptied
    },
    reopen: store,
    dispose: async () => undefined,
  }
}

if (TCB_ENV_ID && TENCENTCLOUD_SECRETID && TENCENTCLOUD_SECRETKEY) {
  contract(`CloudBaseStore (environment ${TCB_ENV_ID}, ${PREFIX}* collections)`, cloud, 60_000)
} else {
  console.log('CloudBase contract half skipped: no credentials (set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run it)')
  describe.skip('CloudBaseStore (skipped: no CloudBase credentials in the environment)', () => {
    it('runs the same contract against a real CloudBase environment', () => undefined)
  })
}
