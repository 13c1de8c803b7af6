import { cardProgress, compareWithModel, orderCourses, orderModelStores, recordProgress, startProgress } from '../../cloudfunctions/core/learning'
import type { Course, ModelStore, StoreFigures } from '../../cloudfunctions/contracts/learning'
import { cardProgressWords, clockWords, comparisonWords } from '../../cloudfunctions/words/learning'

const course = (id: string, category: Course['category'], targetClasses: Course['targetClasses']): Course => ({
  id, title: id, category, durationS: 60, cover: `courses/${id}.jpg`, video: `courses/${id}.mp4`, captions: `courses/${id}.vtt`, targetClasses, tags: [],
})

describe('the course list', () => {
  const catalogue = [
    course('A', '设备与系统', ['newRetail']),
    course('B', '扫码与收款', ['stable']),
    course('C', '经营技巧', ['gradeFluctuation']),
    course('D', '订货与政策', []),
    course('E', '设备与系统', []),
    course('F', '扫码与收款', ['keySku']),
  ]

  test('strategy courses first in the strategies\' order, then the class\'s, then the rest by category', () => {
    const listed = orderCourses(catalogue, { classes: ['gradeFluctuation'], strategyCourseIds: ['D', 'B', 'unknown'] })
    expect(listed.map((l) => [l.course.id, l.recommended])).toEqual([
      ['D', 'strategy'], ['B', 'strategy'], ['C', 'class'], ['A', null], ['E', null], ['F', null],
    ])
  })

  test('no classes and no strategies: by category, catalogue order inside each', () => {
    expect(orderCourses(catalogue, { classes: [], strategyCourseIds: [] }).map((l) => l.course.id)).toEqual(['A', 'E', 'B', 'F', 'C', 'D'])
  })

  test('card progress: 未开始 / 看到 2:10 / 已学完', () => {
    expect(cardProgressWords(cardProgress(null))).toBe('未开始')
    const opened = startProgress('A', '2026-03-02T02:00:00.000Z')
    expect(cardProgressWords(cardProgress(opened))).toBe('未开始')
    const watching = recordProgress(opened, { courseId: 'A', positionS: 130.9, played: [[125, 130.9]] }, 200, '2026-03-02T02:00:10.000Z').progress
    expect(cardProgress(watching)).toEqual({ code: 'watching', positionS: 130 })
    expect(cardProgressWords(cardProgress(watching))).toBe('看到 2:10')
    expect(cardProgressWords(cardProgress({ ...watching, completedAt: '2026-03-02T02:05:00.000Z', positionS: 0 }))).toBe('已学完')
    expect([clockWords(0), clockWords(59.99), clockWords(3725)]).toEqual(['0:00', '0:59', '1:02:05'])
  })
})

describe('model stores', () => {
  const figures: StoreFigures = { monthlySalesFen: 12_850_000, grossMargin: 0.112, turnoverDays: 9.5, grade: 24, sellThrough: 0.93 }
  const store = (id: string, businessType: ModelStore['businessType'], areaType: ModelStore['areaType']): ModelStore => ({
    id, name: id, businessType, areaType, district: '城关一片', address: '', photos: [], displayPoints: ['x'], visit: { kind: 'panorama', src: `stores/${id}.jpg` }, ...figures,
  })

  test('my business type and area first, then my business type, then my area', () => {
    const stores = [store('tobacco-town', '烟酒店', '城镇'), store('grocery-village', '食杂店', '乡村'), store('conv-town', '便利店', '城镇'), store('conv-village', '便利店', '乡村')]
    expect(orderModelStores(stores, { businessType: '便利店', areaType: '乡村' }).map((s) => s.id)).toEqual(['conv-village', 'conv-town', 'grocery-village', 'tobacco-town'])
  })

  test('我的店 vs 示范店: gaps and standing, fewer turnover days being better', () => {
    const lines = compareWithModel({ monthlySalesFen: 5_000_000, grossMargin: 0.1, turnoverDays: 12, grade: 24, sellThrough: null }, figures)
    expect(lines.map((l) => [l.figure, l.mine, l.model, l.standing])).toEqual([
      ['monthlySalesFen', 5_000_000, 12_850_000, 'behind'],
      ['grossMargin', 0.1, 0.112, 'behind'],
      ['turnoverDays', 12, 9.5, 'behind'],
      ['grade', 24, 24, 'level'],
      ['sellThrough', null, 0.93, null],
    ])
    expect(lines[0].gap).toBe(7_850_000)
    expect(lines[1].gap).toBeCloseTo(0.012, 12)
    expect(lines[2].gap).toBe(-2.5)
    expect(lines[4].gap).toBeNull()
    expect(lines.map(comparisonWords)).toEqual([
      { label: '月销售额', mine: '¥5万', model: '¥12.9万', standing: '低于示范店' },
      { label: '毛利率', mine: '10.0%', model: '11.2%', standing: '低于示范店' },
      { label: '库存周转天数', mine: '12.0 天', model: '9.5 天', standing: '低于示范店' },
      { label: '档位', mine: '24 档', model: '24 档', standing: '与示范店持平' },
      { label: '动销率', mine: '—', model: '93.0%', standing: '暂无我的数据' },
    ])
  })

  test('ahead when my turnover is faster and my margin higher; ratios level within 0.05 %', () => {
    const lines = compareWithModel({ monthlySalesFen: 12_850_001, grossMargin: 0.1124, turnoverDays: 8, grade: 25, sellThrough: 0.95 }, figures)
    expect(lines.map((l) => l.standing)).toEqual(['ahead', 'level', 'ahead', 'ahead', 'ahead'])
  })
})
