import { formatFen, changeDirection, describeChange, formatCount, formatOneDecimal, formatShare, formatShareFine } from '../../cloudfunctions/words/numbers'
import { dayRange, monthDay, weekdayOf } from '../../cloudfunctions/words/time'
import { INDICATORS, slowMoverText, standingText, stockWarningText } from '@/pages/insights/words'
import { dailyCaption, dailyColumns, topSellerBars } from '@/packages/insights/charts/series'

/** The 经营 tab's numbers and sentences, each against a value worked out by hand. */
describe('money in plain words', () => {
  it.each([
    [0, '¥0'],
    [6850, '¥68.5'],
    [6805, '¥68.05'],
    [6800, '¥68'],
    [12345, '¥123'], // ¥123.45 rounds to whole yuan from ¥100 on
    [577800, '¥5,778'],
    [999949, '¥9,999'],
    [999950, '¥1万'], // ¥9,999.50 rounds to ¥10,000: counted in 万, and never "¥10.0万"
    [1_000_000, '¥1万'],
    [1_249_999, '¥1.2万'],
    [1_250_000, '¥1.3万'],
    [3_100_000, '¥3.1万'],
    [68_000_000, '¥68万'],
    [-69810, '-¥698'],
  ])('%i fen reads %s', (fen, words) => {
    expect(formatFen(fen)).toBe(words)
  })

  it('groups counts and rounds ratios the way they are said', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(336)).toBe('336')
    expect(formatOneDecimal(10.404)).toBe('10.4')
    expect(formatOneDecimal(7.0)).toBe('7')
    expect(formatOneDecimal(-0.04)).toBe('0')
    expect(formatShare(0.8889)).toBe('89%')
    expect(formatShare(1.1587)).toBe('116%')
    expect(formatShareFine(0.12082)).toBe('12.1%')
  })
})

describe('changes in words', () => {
  it('gives the sign and whole percent, with 持平 for less than half a percent', () => {
    expect(describeChange('上月', 0.12)).toBe('比上月 +12%')
    // (5778 − 6464) / 6464 = −0.1061…: 11 % down
    expect(describeChange('上月', (577800 - 646400) / 646400)).toBe('比上月 -11%')
    expect(describeChange('去年同期', 0.004)).toBe('与去年同期持平')
    expect(describeChange('上周', -1)).toBe('比上周 -100%')
    expect(describeChange('去年同期', null)).toBe('去年同期无可比数据')
  })

  it('names the direction the same way the words do', () => {
    expect([0.12, -0.11, 0.004, -0.004, null].map(changeDirection)).toEqual(['up', 'down', 'flat', 'flat', 'flat'])
  })
})

describe('dates in words', () => {
  it('writes days, ranges and weekdays in China time, whatever the machine zone', () => {
    expect(monthDay('2026-11-05')).toBe('11月5日')
    expect(dayRange('2026-11-01', '2026-11-23')).toBe('11月1日–23日')
    expect(dayRange('2026-10-27', '2026-11-02')).toBe('10月27日–11月2日')
    expect(dayRange('2026-11-23', '2026-11-23')).toBe('11月23日')
    // 2026-11-23 is a Monday; 2026-11-29 a Sunday.
    expect(weekdayOf('2026-11-23')).toBe('周一')
    expect(weekdayOf('2026-11-29')).toBe('周日')
  })
})

describe('warnings and benchmark sentences', () => {
  it('says when a hot seller runs out and when the next delivery comes', () => {
    const base = { skuCode: '6901000021184', name: '福临（金）', dailyPacks: 2.6, nextDeliveryDate: '2026-12-01', daysToDelivery: 8 }
    // The same words 订货建议 writes for the SKU: the daily rate, the stock, 已断货 or 够卖 N 天.
    expect(stockWarningText({ ...base, packsOnHand: 0, daysOfStock: 0 })).toBe('日均卖 2.6 包，库存 0 包，已断货；12月1日到货，还有 8 天')
    // 1 pack at 1.478 a day lasts 0.676 days
    expect(stockWarningText({ ...base, dailyPacks: 1.478, packsOnHand: 1, daysOfStock: 1 / 1.478 })).toBe('日均卖 1.5 包，库存 1 包，够卖 0.7 天；12月1日到货，还有 8 天')
  })

  it('says since when a slow mover has not sold', () => {
    expect(slowMoverText({ skuCode: 'x', name: '红梅山（细支）', packsOnHand: 10, lastSaleDate: '2026-10-08' })).toBe('库存 10 包，10月8日以来没卖出')
    expect(slowMoverText({ skuCode: 'y', name: '云岭（新版）', packsOnHand: 3, lastSaleDate: null })).toBe('库存 3 包，近两个月没卖出')
  })

  it('puts the shop, the peers and the best in one sentence, with 快于 where lower is better', () => {
    expect(
      standingText(INDICATORS.salesFen, { value: 577800, percentile: 19.05, median: 722507, best: 951858.8, betterWhen: 'higher' }),
    ).toBe('您的销售额 ¥5,778，高于 19% 的同类店；同类店中位数 ¥7,225，标杆店 ¥9,519')
    expect(
      standingText(INDICATORS.turnoverDays, { value: 9.952, percentile: 9.52, median: 7.398, best: 4.597, betterWhen: 'lower' }),
    ).toBe('您的库存周转 10 天，快于 10% 的同类店；同类店中位数 7.4 天，标杆店 4.6 天')
    expect(standingText(INDICATORS.grossMargin, { value: 0.1208, percentile: null, median: null, best: null, betterWhen: 'higher' })).toBe(
      '您的毛利率 12.1%，暂无可比的同类店',
    )
    expect(standingText(INDICATORS.salesFen, { value: null, percentile: null, median: null, best: null, betterWhen: 'higher' }, '11月')).toBe(
      '11月还没有您的销售额数据',
    )
  })
})

describe('chart series', () => {
  const week = [
    { date: '2026-11-16', salesFen: 24800, packs: 12 },
    { date: '2026-11-17', salesFen: 30000, packs: 15 },
    { date: '2026-11-18', salesFen: 0, packs: 0 },
    { date: '2026-11-19', salesFen: null, packs: null },
  ]

  it('labels every day of a week, and only the 1st, 8th, 15th, 22nd and 29th of a month', () => {
    expect(dailyColumns(week, 'week').map((c) => c.axisLabel)).toEqual(['周一', '周二', '周三', '周四'])
    const month = Array.from({ length: 30 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, salesFen: 100, packs: 1 }))
    expect(dailyColumns(month, 'month').flatMap((c) => (c.axisLabel ? [c.axisLabel] : []))).toEqual(['1日', '8日', '15日', '22日', '29日'])
    expect(dailyColumns(week, 'week')[1].label).toBe('11月17日 周二 ¥300')
  })

  it('writes each column its value, a day that sold nothing as ¥0 and a day without data as 无数据', () => {
    expect(dailyColumns(week, 'week').map((c) => [c.value, c.valueText])).toEqual([
      [24800, '¥248'],
      [30000, '¥300'],
      [0, '¥0'],
      [null, '无数据'],
    ])
    expect(dailyColumns(week, 'week')[3].label).toBe('11月19日 周四 无数据')
  })

  it('writes the best day and the daily average over the days with data: (248 + 300 + 0) / 3 = ¥182.67 → ¥183', () => {
    expect(dailyCaption(week)).toBe('最高 11月17日 ¥300，日均 ¥183（1 天无数据，不计入）')
  })

  it('ranks top sellers with packs and money written out', () => {
    expect(topSellerBars([{ skuCode: 'a', name: '福临（金）', packs: 60, salesFen: 90000 }])).toEqual([
      { key: 'a', label: '1. 福临（金）', value: 60, valueText: '60 包 · ¥900' },
    ])
  })
})
