import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedStore } from '../../cloudfunctions/adapters/embedded/store'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { Outbox } from '../../cloudfunctions/adapters/local/outbox'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'
import { repos } from '../../cloudfunctions/core/repos'
import { seedDemoCounty } from '../../cloudfunctions/seed'
import type { DocumentStore } from '../../cloudfunctions/core/ports'

/** Every document of every collection, by id. */
const everything = async (store: DocumentStore): Promise<Record<string, unknown[]>> => {
  const all: Record<string, unknown[]> = {}
  for (const name of Object.keys(COLLECTIONS)) all[name] = await store.collection(name).find({}, { sort: { _id: 1 } })
  return all
}

describe('moving a data folder from the nedb store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sm-migrate-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('migrates on first open: every document as the old store read it, the old files kept in a backup beside it, one line saying so', async () => {
    // The old store's folder as a laptop has it: the seeded county (a few shops, no shop data), then
    // replacements, updates, increments and removals, which nedb appends as superseding lines.
    const old = await new EmbeddedStore(dir).open()
    await seedDemoCounty(old, 40, { shopData: false })
    const db = repos(old)
    await db.retailers.update({ district: (await db.retailers.find({}, { limit: 1 }))[0].district }, { grade: 30 })
    await db.counters.increment('bind:x', 'count', 1, { count: 0, bucketEndsAt: 5 })
    await db.counters.increment('bind:x', 'count', 2, { count: 0, bucketEndsAt: 5 })
    const [gone] = await db.retailers.find({}, { sort: { _id: 1 }, limit: 1 })
    await db.retailers.remove({ _id: gone._id })
    await db.bindings.put({ _id: '350625999999', openId: 'o-new', boundAt: '2026-11-23T10:00:00+08:00' })
    const outbox = await Outbox.open(dir)
    await outbox.notifier({ now: () => new Date('2026-11-23T02:00:00Z') }).send({ key: 'k1', toOpenId: 'o', page: 'p', content: { template: 'orderReminder', shopName: '店', closesAt: 0, role: 'owner', offset: 'atOpen', msLeft: 0 } })
    // What the old store holds: read from it as it is, since reopening would rewrite its files without the superseded lines.
    const expected = await everything(old)
    expect(readFileSync(join(dir, 'retailers.db'), 'utf8')).toContain('"$$deleted":true')
    // A last line cut short by a crash, which nedb skips.
    appendFileSync(join(dir, 'skus.db'), '{"_id":"690102800')
    expect(expected.retailers).toHaveLength(39)
    expect(expected.retailers.some((r) => (r as { _id: string })._id === gone._id)).toBe(false)

    const lines: string[] = []
    const store = await new SqliteStore(dir, { log: (line) => lines.push(line) }).open()
    try {
      expect(await everything(store)).toEqual(expected)
      expect(await repos(store).counters.get('bind:x')).toEqual({ _id: 'bind:x', count: 3, bucketEndsAt: 5 })
      // The unique index came along: a second binding for o-new is refused.
      expect(await repos(store).bindings.insert({ _id: '350625999998', openId: 'o-new', boundAt: '' })).toBe(false)

      const backups = readdirSync(dir).filter((f) => f.startsWith('nedb-backup-'))
      expect(backups).toHaveLength(1)
      const kept = readdirSync(join(dir, backups[0])).sort()
      expect(kept).toEqual(readdirSync(join(dir, backups[0])).filter((f) => f.endsWith('.db')).sort())
      expect(kept).toContain('retailers.db')
      // No collection file is left beside the database; the outbox keeps its own.
      expect(readdirSync(dir).filter((f) => f.endsWith('.db'))).toEqual(['outbox.db'])
      const documents = Object.values(expected).reduce((n, docs) => n + docs.length, 0)
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(`^已把旧数据（nedb，${kept.length} 个集合，${documents} 个文档）迁移到 ${join(dir, 'store.sqlite')}（\\d+\\.\\d 秒，跳过 1 行无法读取的残行）；原文件备份在 ${join(dir, backups[0])}$`),
        ),
      ])
    } finally {
      store.close()
    }

    // The next open finds the database and migrates nothing.
    const again = await new SqliteStore(dir, { log: (line) => lines.push(line) }).open()
    expect(await everything(again)).toEqual(expected)
    again.close()
    expect(lines).toHaveLength(1)
  }, 30_000)

  it('leaves a new folder and a folder without nedb files alone', async () => {
    const lines: string[] = []
    const store = await new SqliteStore(dir, { log: (line) => lines.push(line) }).open()
    store.close()
    expect(lines).toEqual([])
    expect(readdirSync(dir).filter((f) => f.startsWith('nedb-backup-'))).toEqual([])
    expect(existsSync(join(dir, 'store.sqlite'))).toBe(true)
  })
})
