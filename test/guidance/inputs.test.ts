import { lastCountDate, lastCountIn, lastCountWeekId, retailerMonthFrom } from '../../cloudfunctions/core/guidance/fromStore'
import { indicatorValues } from '../../cloudfunctions/core/guidance/indicators'
import { loadGuidanceConfig } from '../../cloudfunctions/core/guidance/config'
import type { RawWeek, InventoryMonth, PurchaseMonth, SalesMonth } from '../../cloudfunctions/core/model'
import defaults from '../../cloudfunctions/defaults/guidance.v1.json'
import { configProblemText, indicatorValueText, percent, plain, reasonText } from '../../cloudfunctions/words/guidance'
import { CATALOGUE } from './county'

/** From the stored documents to the inputs; the configuration's checks; the presenter's figures. */

const LICENSE = '350625100001'
const nulls = (n: number) => new Array<number | null>(n).fill(null)

const sales = (month: string, skus: [string, number, number][]): SalesMonth => ({
  _id: `${LICENSE}|${month}`,
  licenseNo: LICENSE,
  month,
  totals: { packs: 0, salesFen: 0, costFen: 0 },
  daily: { packs: nulls(31), salesFen: nulls(31), costFen: nulls(31) },
  skus: skus.map(([skuCode, packs, salesFen]) => ({ skuCode, packs, salesFen, costFen: 0, soldDays: 1 })),
})

describe('the inputs from the stored documents', () => {
  const inventory: InventoryMonth = {
    _id: `${LICENSE}|2026-10`,
    licenseNo: LICENSE,
    month: '2026-10',
    totals: {},
    // Counts on 12 and 26 October (days 12 and 26).
    daily: { packs: nulls(31).map((_, d) => (d === 11 ? 40 : d === 25 ? 7 : null)) },
    skus: [],
  }
  // The week of Monday 26 October runs into November: a count on 1 November is not October's.
  const week: RawWeek = { _id: `${LICENSE}|2026-10-26`, licenseNo: LICENSE, weekStart: '2026-10-26', days: { '2026-10-26': 'K3,5\nN1,0\nA,2', '2026-11-01': 'K4,9' } }
  const earlier: RawWeek = { _id: `${LICENSE}|2026-10-12`, licenseNo: LICENSE, weekStart: '2026-10-12', days: { '2026-10-12': 'K4,40' } }

  it('finds the last count of the month and the one week that holds it', () => {
    expect(lastCountDate(inventory)).toBe('2026-10-26')
    expect(lastCountWeekId(inventory)).toBe(`${LICENSE}|2026-10-26`)
    expect(lastCountDate(undefined)).toBeNull()
    expect(lastCountWeekId({ ...inventory, daily: { packs: nulls(31) } })).toBeNull()
  })

  it('reads the last count dated in the month from the weeks, whatever else they hold', () => {
    expect(lastCountIn([earlier, week], '2026-10')).toEqual({
      date: '2026-10-26',
      stock: [
        { skuCode: 'K3', packs: 5 },
        { skuCode: 'N1', packs: 0 },
        { skuCode: 'A', packs: 2 },
      ],
    })
    expect(lastCountIn([week], '2026-09')).toBeNull()
  })

  it('maps SalesMonth, PurchaseMonth and the count to the inputs, and they give BASE’s indicators', () => {
    const purchases: PurchaseMonth = {
      _id: `${LICENSE}|2026-10`,
      licenseNo: LICENSE,
      month: '2026-10',
      totals: { cartons: 8, amountFen: 0 },
      daily: { cartons: nulls(31) },
      skus: [
        { skuCode: 'K1', cartons: 2, amountFen: 0 },
        { skuCode: 'K2', cartons: 2, amountFen: 0 },
        { skuCode: 'A', cartons: 4, amountFen: 0 },
      ],
    }
    const base: [string, number, number][] = [
      ['A', 40, 40000],
      ['K1', 20, 40000],
      ['K2', 20, 30000],
    ]
    const input = retailerMonthFrom('2026-10', {
      retailer: { licenseNo: LICENSE, businessType: '便利店' },
      marketing: { grade: 15, integrityScore: 90, monthlyQuotaCartons: 10, newRetailScore: 80, terminalLevel: 1, shopAreaM2: 60 },
      marketingBefore: null,
      sales: sales('2026-10', base),
      salesBefore: sales('2026-09', base),
      purchases,
      inventoryWeeks: [week],
    })
    expect(input.stock).toEqual([
      { skuCode: 'K3', packs: 5 },
      { skuCode: 'N1', packs: 0 },
      { skuCode: 'A', packs: 2 },
    ])
    // As BASE in county.ts (A's 2 packs on hand change nothing: A sold anyway).
    expect(indicatorValues(input, CATALOGUE)).toEqual([0.75, 0.5, 0, 0.75, 3, 0, 1375, 0, 0.8, 1])
  })

  it('takes no documents as no data: nothing on hand, nothing sold', () => {
    const input = retailerMonthFrom('2026-10', {
      retailer: { licenseNo: LICENSE, businessType: '食杂店' },
      marketing: { grade: 5, integrityScore: 90, monthlyQuotaCartons: 10, newRetailScore: 80, terminalLevel: 1, shopAreaM2: 60 },
      marketingBefore: null,
      sales: null,
      salesBefore: undefined,
      purchases: null,
      inventoryWeeks: [],
    })
    expect(input).toMatchObject({ sold: [], soldBefore: [], bought: [], stock: null })
    expect(indicatorValues(input, CATALOGUE)).toEqual([0, null, 0, null, 0, null, null, null, 0, null])
  })

  it('counts net packs: a SKU returned more than sold is not selling, and a stock of 0 is not on shelf', () => {
    const input = retailerMonthFrom('2026-10', {
      retailer: { licenseNo: LICENSE, businessType: '食杂店' },
      marketing: { grade: 5, integrityScore: 90, monthlyQuotaCartons: 10, newRetailScore: 80, terminalLevel: 1, shopAreaM2: 60 },
      marketingBefore: null,
      sales: sales('2026-10', [
        ['K1', 10, 20000],
        ['K2', -2, -3000],
      ]),
      salesBefore: null,
      purchases: null,
      inventoryWeeks: [{ ...week, days: { '2026-10-30': 'K2,0\nK3,0' } }],
    })
    // On shelf: K1 only → #1 1/4; #2 (10 + −2)/8 = 1; #4 1/1; #5 1; #7 17000/8 = 2125.
    expect(indicatorValues(input, CATALOGUE)).toEqual([0.25, 1, 0, 1, 1, null, 2125, null, 0, null])
  })
})

describe('the configuration', () => {
  it('accepts the default file, with guidance.md’s numbers', () => {
    const loaded = loadGuidanceConfig(defaults)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.config).toMatchObject({
      version: 'guidance-v1',
      gradeFluctuation: { minGradeChange: 2 },
      newRetail: { scoreBelow: 60, scanRateBelow: 0.8 },
      keySku: { topPercent: 20 },
      terminal: { topPercent: 20, gradeWeight: 0.4, gradeMax: 30, areaWeight: 0.3, areaDivisorM2: 60, typeWeight: 0.3, levelMax: 5 },
      strategiesPerGuide: 3,
    })
    expect(Object.values(loaded.config.keySku.weights)).toEqual([0.15, 0.1, 0.05, 0.1, 0.1, 0.15, 0.1, 0.05, 0.1, 0.1])
    expect(loaded.config.terminal.typeFactors).toEqual({ 食杂店: 0.6, 便利店: 1, 超市: 1, 烟酒店: 0.9, 娱乐服务: 0.4, 其他: 0.4 })
  })

  it('refuses a file with every problem named by its path', () => {
    const bad = structuredClone(defaults) as Record<string, unknown> & typeof defaults
    bad.keySku.weights.scanRate = 0.2
    ;(bad.newRetail as Record<string, unknown>).scanRateBelow = '0.8'
    delete (bad.terminal.typeFactors as Record<string, number>)['其他']
    ;(bad.terminal.typeFactors as Record<string, number>)['小卖部'] = 0.5
    bad.keySku.topPercent = 20.5
    bad.extra = 1
    const loaded = loadGuidanceConfig(bad)
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.problems).toEqual([
      { path: 'extra', code: 'unknownKey' },
      { path: 'newRetail.scanRateBelow', code: 'notNumber' },
      { path: 'keySku.topPercent', code: 'notInteger' },
      { path: 'keySku.weights', code: 'weightsSum' },
      { path: 'terminal.typeFactors.小卖部', code: 'unknownKey' },
      { path: 'terminal.typeFactors.其他', code: 'missing' },
    ])
    expect(loaded.problems.map(configProblemText).slice(3, 4)).toEqual(['keySku.weights：十个权重加起来应等于 1'])
    expect(loadGuidanceConfig(null)).toEqual({ ok: false, problems: [{ path: '', code: 'notObject' }] })
  })
})

describe('the presenter’s figures', () => {
  it('writes guidance.md’s three examples exactly', () => {
    expect(reasonText({ code: 'gradeMoved', from: 18, to: 15, threshold: 2 })).toBe('档位从 18 降到 15，变动 3 档（阈值 2 档）')
    expect(reasonText({ code: 'scanRateLow', rate: 0.62, threshold: 0.8 })).toBe('扫码率 62%，低于 80%')
    expect(reasonText({ code: 'keySkuTop', score: 87.5, cut: 81.2, topPercent: 20, rank: 3, pool: 1300 })).toBe('重点品规推介得分 87.5，全县前 20%（入选线 81.2）')
  })

  it('never shows a rate below the threshold as the threshold itself', () => {
    expect(reasonText({ code: 'scanRateLow', rate: 0.7996, threshold: 0.8 })).toBe('扫码率 79.96%，低于 80%')
    expect(reasonText({ code: 'scanRateLow', rate: 0.625, threshold: 0.8 })).toBe('扫码率 62.5%，低于 80%')
  })

  it('shows each kind of indicator in its own unit', () => {
    expect(plain(66.7411)).toBe('66.74')
    expect(percent(0.5)).toBe('50%')
    expect(indicatorValueText('skusSelling', 3)).toBe('3 个')
    expect(indicatorValueText('avgPackFen', 1375)).toBe('¥13.75')
    expect(indicatorValueText('avgPackFenChange', 108.87)).toBe('+¥1.09')
    expect(indicatorValueText('keyPacksGrowth', -1)).toBe('-100%')
    expect(indicatorValueText('scanRate', null)).toBe('无数据')
  })
})
