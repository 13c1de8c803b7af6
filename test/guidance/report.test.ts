import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { repos } from '../../cloudfunctions/core/repos'
import { buildMonth } from '../../cloudfunctions/core/guidance/build'
import { checkLibrary } from '../../cloudfunctions/core/guidance/library'
import { parseReportArgs, writeReport, type ReportArgs } from '../../cloudfunctions/tools/reportRun'
import { BEFORE, CATALOGUE, COUNTY, MONTH, license } from './county'
import { KNOWN, defaultLibraryRows } from './helpers'
import { storeCounty } from './storeCounty'

/**
 * The company's CSV reports over the hand-worked county (county.ts; districts alternate: odd shops
 * 岩溪片, even ones 城关一片): every byte of the classes report worked by hand.
 */

describe('npm run report over the hand-worked county', () => {
  let dir: string
  let home: LocalHome
  const report = async (args: ReportArgs): Promise<{ text: string; empty: string | null }> => {
    let text = ''
    const empty = await writeReport(home.store, args, (chunk) => void (text += chunk))
    return { text, empty }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sm-report-'))
    home = await openLocalHome(dir)
    await storeCounty(home.store, MONTH, COUNTY, CATALOGUE)
    await repos(home.store).strategies.putMany(checkLibrary(defaultLibraryRows(), KNOWN).strategies.map((s) => ({ _id: s.id, ...s })))
    await buildMonth(home.deps(fixedClock('2026-11-03T09:00:00+08:00')), { month: MONTH })
  })
  afterAll(() => {
    home.store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('classes: UTF-8 with a BOM, the exact header, one row per pool member, classes in order joined with 、, 2 decimals, reasons in words', async () => {
    const { text } = await report({ kind: 'classes', month: MONTH })
    const cut = '全县前 20%'
    expect(text).toBe(
      [
        '\uFEFFlicense_no,shop_name,district,classes,key_sku_score,potential,reasons',
        `${license(1)},1号店,岩溪片,档位波动类、终端提升类,40.52,80.00,档位从 18 降到 15，变动 3 档（阈值 2 档）；终端提升潜力 80，${cut}（入选线 32）`,
        `${license(2)},2号店,城关一片,档位波动类,40.52,30.33,档位从 12 升到 14，变动 2 档（阈值 2 档）`,
        `${license(3)},3号店,岩溪片,终端提升类,33.82,32.00,终端提升潜力 32，${cut}（入选线 32）`,
        `${license(4)},4号店,城关一片,稳定类,40.52,25.00,不在四个目标类中，经营平稳`,
        `${license(5)},5号店,岩溪片,重点品规推介类,66.74,0.00,重点品规推介得分 66.74，${cut}（入选线 66.74）`,
        `${license(6)},6号店,城关一片,新零售指导类、终端提升类,40.52,32.00,新零售得分 59.5，低于 60；终端提升潜力 32，${cut}（入选线 32）`,
        `${license(7)},7号店,岩溪片,新零售指导类,47.93,19.63,扫码率 62%，低于 80%`,
        `${license(8)},8号店,城关一片,稳定类,1.67,0.00,不在四个目标类中，经营平稳`,
        `${license(9)},9号店,岩溪片,重点品规推介类,93.54,0.00,重点品规推介得分 93.54，${cut}（入选线 66.74）`,
        `${license(10)},10号店,城关一片,重点品规推介类,66.74,0.00,重点品规推介得分 66.74，${cut}（入选线 66.74）`,
        '',
      ].join('\r\n'),
    )
  })

  it('classes of one district only', async () => {
    const { text } = await report({ kind: 'classes', month: MONTH, district: '城关一片' })
    expect(text.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual([2, 4, 6, 8, 10].map(license))
  })

  it('districts: each class per district (a shop in two classes counts in both), the county last', async () => {
    const { text } = await report({ kind: 'districts', month: MONTH })
    expect(text).toBe(
      ['\uFEFF片区,零售户数,档位波动类,新零售指导类,重点品规推介类,终端提升类,稳定类', '城关一片,5,1,1,1,1,2', '岩溪片,5,1,1,2,2,0', '合计,10,2,2,3,3,2', ''].join('\r\n'),
    )
  })

  it('strategies: last month’s recipients against the same business types without it, both counts, 有用 / 没用', async () => {
    // Last month's guides as this month's, but R07 scanned 50% then: it got the scanner course and its scan rate rose to 62%.
    const db = repos(home.store)
    const now = await db.guides.find({ month: MONTH }, { sort: { _id: 1 } })
    await db.guides.putMany(
      now.map((g) => ({
        ...g,
        _id: `${g.licenseNo}|${BEFORE}`,
        month: BEFORE,
        indicators: g.licenseNo === license(7) ? g.indicators.map((f) => (f.id === 'scanRate' ? { ...f, value: 0.5 } : f)) : g.indicators,
      })),
    )
    const verdict = (openId: string, v: 'useful' | 'notUseful') => ({ _id: `${license(7)}|${BEFORE}|nr-scanner-fault|${openId}`, licenseNo: license(7), month: BEFORE, strategyId: 'nr-scanner-fault', openId, verdict: v, at: '2026-10-08T10:00:00+08:00' })
    await db.guideFeedback.putMany([verdict('wx-owner-7', 'useful'), verdict('wx-son-7', 'notUseful')])
    const { text } = await report({ kind: 'strategies', month: MONTH })
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('\uFEFFstrategy_id,title,target,recipients,recipients_moved,recipients_share,others,others_moved,others_share,points,unjudged,useful,not_useful,summary')
    // 食杂店 without it: R03 and R06, scan rate 100% both months: not moved.
    expect(lines).toContain('nr-scanner-fault,扫码枪扫不上的处理,扫码率提升,1,1,100.00,2,0,0.00,100.00,0,1,1,收到的 1 户中 100% 达到预期，未收到的同类 2 户中 0%，高 100 个百分点')
    await db.guides.remove({ month: BEFORE })
  })

  it('says so, and writes nothing, for a month without guides', async () => {
    expect(await report({ kind: 'classes', month: '2026-08' })).toEqual({ text: '', empty: '2026-08 还没有经营指导书：请先运行 npm run guide -- build 2026-08' })
  })

  it('reads its command line', () => {
    expect(parseReportArgs(['classes', '2026-10', '--district', '城关一片', '--out', 'a.csv'])).toEqual({ kind: 'classes', month: '2026-10', district: '城关一片', out: 'a.csv' })
    expect(parseReportArgs(['districts', '2026-10'])).toEqual({ kind: 'districts', month: '2026-10' })
    expect(parseReportArgs(['districts', '2026-10', '--district', 'x'])).toBeNull()
    expect(parseReportArgs(['classes', '202610'])).toBeNull()
  })
})
