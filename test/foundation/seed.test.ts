import { cleanup, tempDataDir } from '../support/localHome'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemoCounty, COUNTY_SIZE } from '../../cloudfunctions/seed'
import { repos } from '../../cloudfunctions/core/repos'
import { type Retailer } from '../../cloudfunctions/core/model'
import { windowLength } from '../../cloudfunctions/core/schedule'
import { BUSINESS_TYPES } from '../../cloudfunctions/contracts/vocabulary'

describe('the demo county', () => {
  const dirs: string[] = []
  let retailers: Retailer[]
  let db: ReturnType<typeof repos>
  beforeAll(async () => {
    dirs.push(tempDataDir())
    const store = await new SqliteStore(dirs[0]).open()
    expect(await seedDemoCounty(store, COUNTY_SIZE, { shopData: false })).toBe(true)
    db = repos(store)
    retailers = await db.retailers.find({}, { sort: { _id: 1 } })
  })
  afterAll(() => dirs.forEach(cleanup))

  it('holds about 1,300 retailers with 12-digit licenses', () => {
    expect(retailers).toHaveLength(COUNTY_SIZE)
    expect(retailers.every((r) => /^\d{12}$/.test(r.licenseNo))).toBe(true)
  })

  it('mixes every business type and both town and village shops', () => {
    const types = new Set(retailers.map((r) => r.businessType))
    expect([...types].sort()).toEqual([...BUSINESS_TYPES].sort())
    const villages = retailers.filter((r) => r.areaType === '乡村').length
    expect(villages).toBeGreaterThan(300)
    expect(villages).toBeLessThan(1000)
  })

  it('keeps grades in 1–30, integrity in 0–100, and covers low and high grades', () => {
    const grades = retailers.map((r) => r.grade)
    expect(Math.min(...grades)).toBeGreaterThanOrEqual(1)
    expect(Math.max(...grades)).toBeLessThanOrEqual(30)
    expect(grades.filter((g) => g <= 5).length).toBeGreaterThan(0)
    expect(grades.filter((g) => g >= 25).length).toBeGreaterThan(0)
    expect(retailers.every((r) => r.integrityScore >= 0 && r.integrityScore <= 100)).toBe(true)
  })

  it('spreads order windows over the week, some open for days before they close', () => {
    const closeDays = new Set(retailers.map((r) => r.orderWindow.closeWeekday))
    expect(closeDays.size).toBeGreaterThanOrEqual(5)
    const multiDay = retailers.filter((r) => windowLength(r.orderWindow) > 24 * 3600_000)
    expect(multiDay.length).toBeGreaterThan(100)
    expect(retailers[0].orderWindow).toEqual({ openWeekday: 6, openTime: '12:00', closeWeekday: 1, closeTime: '16:00' })
  })

  it('prices about 60 SKUs in fen, wholesale per carton below ten packs at retail', async () => {
    const skus = await db.skus.find({})
    expect(skus).toHaveLength(60)
    for (const sku of skus) {
      expect(Number.isInteger(sku.wholesaleFenPerCarton) && Number.isInteger(sku.retailFenPerPack)).toBe(true)
      expect(sku.wholesaleFenPerCarton).toBeLessThan(sku.retailFenPerPack * 10)
      expect(sku.wholesaleFenPerCarton).toBeGreaterThan(sku.retailFenPerPack * 8)
    }
  })

  it('binds the five demo identities, each to a different shop', async () => {
    const bindings = await db.bindings.find({ openId: { $in: [1, 2, 3, 4, 5].map((n) => `demo-retailer-${n}`) } })
    expect(new Set(bindings.map((b) => b._id)).size).toBe(5)
    expect(retailers[1]).toMatchObject({ shopName: '王记食杂店', areaType: '乡村', businessType: '食杂店' })
  })

  it('is the same county on every machine, and is seeded once', async () => {
    dirs.push(tempDataDir())
    const again = await new SqliteStore(dirs[1]).open()
    await seedDemoCounty(again, COUNTY_SIZE, { shopData: false })
    expect(await repos(again).retailers.find({}, { sort: { _id: 1 } })).toEqual(retailers)
    expect(await seedDemoCounty(again)).toBe(false)
    expect(await repos(again).retailers.count({})).toBe(COUNTY_SIZE)
  })
})
