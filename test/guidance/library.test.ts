import { checkLibrary, LIBRARY_COLUMNS } from '../../cloudfunctions/core/guidance/library'
import { GUIDANCE_CLASSES } from '../../cloudfunctions/contracts/guidance'
import { libraryProblemText } from '../../cloudfunctions/words/guidance'
import { KNOWN, defaultLibraryRows } from './helpers'

/** The strategy library's validator, and the default library it must accept. */

const HEADER = [...LIBRARY_COLUMNS]
const GOOD = ['s-1', '扫码枪扫不上的处理', '看小视频学会处理扫码枪的常见毛病。', 'newRetail', 'scanRate<0.8', 'scanRate', 'up', 'course:c-scanner-fault', '10', '', '']
/** A library of the header and one good row with some cells replaced. */
const withRow = (cells: Partial<Record<(typeof LIBRARY_COLUMNS)[number], string>>): string[][] => [HEADER, LIBRARY_COLUMNS.map((c, i) => cells[c] ?? GOOD[i])]

describe('the default library', () => {
  const check = checkLibrary(defaultLibraryRows(), KNOWN)

  it('passes its own validator', () => {
    expect(check.problems).toEqual([])
    expect(check.strategies.length).toBeGreaterThanOrEqual(10)
  })

  it('has at least two strategies for every class, 稳定类 included', () => {
    for (const id of GUIDANCE_CLASSES) expect(check.strategies.filter((s) => s.classes.includes(id)).length).toBeGreaterThanOrEqual(2)
  })

  it('keeps titles to 20 characters and bodies to 200, in Chinese', () => {
    for (const s of check.strategies) {
      expect([...s.title].length).toBeLessThanOrEqual(20)
      expect([...s.body].length).toBeLessThanOrEqual(200)
      expect(s.body).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('uses every course and model store the 学习 work provides', () => {
    const courses = new Set(check.strategies.flatMap((s) => s.actions.flatMap((a) => (a.kind === 'course' ? [a.courseId] : []))))
    const stores = new Set(check.strategies.flatMap((s) => s.actions.flatMap((a) => (a.kind === 'modelStore' ? [a.storeId] : []))))
    expect(courses).toEqual(KNOWN.courseIds)
    expect(stores).toEqual(KNOWN.modelStoreIds)
  })
})

describe('the validator', () => {
  it('reads a good row into a strategy', () => {
    const { strategies, problems } = checkLibrary(withRow({ conditions: 'scanRate < 80%; keyOnShelfRate.pct<=30', actions: 'course:c-scanner-fault;callManager;summarySection:stockWarnings', valid_from: '2026-10-01', valid_to: '2026-12-31', classes: 'terminal;newRetail' }), KNOWN)
    expect(problems).toEqual([])
    expect(strategies).toEqual([
      {
        id: 's-1',
        title: '扫码枪扫不上的处理',
        body: '看小视频学会处理扫码枪的常见毛病。',
        classes: ['newRetail', 'terminal'],
        conditions: [
          { figure: 'scanRate', op: '<', value: 0.8 },
          { figure: 'keyOnShelfRate.pct', op: '<=', value: 30 },
        ],
        target: { indicator: 'scanRate', direction: 'up' },
        actions: [{ kind: 'course', courseId: 'c-scanner-fault' }, { kind: 'callManager' }, { kind: 'summarySection', section: 'stockWarnings' }],
        priority: 10,
        validFrom: '2026-10-01',
        validTo: '2026-12-31',
      },
    ])
  })

  const refusal = (cells: Parameters<typeof withRow>[0]) => checkLibrary(withRow(cells), KNOWN)

  const cases: [Parameters<typeof withRow>[0], object, string][] = [
    [{ classes: 'newRetail;xx' }, { row: 2, column: 'classes', code: 'unknownClass', value: 'xx' }, '第 2 行 classes：未知的类别「xx」'],
    [{ conditions: 'scanRat<0.8' }, { row: 2, column: 'conditions', code: 'unknownIndicator', value: 'scanRat' }, '第 2 行 conditions：未知的指标「scanRat」'],
    [{ conditions: 'scanRate=<0.8' }, { row: 2, column: 'conditions', code: 'unknownOperator', value: '=<' }, '第 2 行 conditions：未知的比较符「=<」，只能用 < <= > >= = !='],
    [{ conditions: 'scanRate<abc' }, { row: 2, column: 'conditions', code: 'badNumber', value: 'abc' }, '第 2 行 conditions：「abc」不是数值'],
    [{ conditions: '<0.8' }, { row: 2, column: 'conditions', code: 'badCondition', value: '<0.8' }, '第 2 行 conditions：条件「<0.8」应写成 指标 比较符 数值，如 scanRate<0.8'],
    [{ target_indicator: 'sales' }, { row: 2, column: 'target_indicator', code: 'unknownIndicator', value: 'sales' }, '第 2 行 target_indicator：未知的指标「sales」'],
    [{ target_direction: 'higher' }, { row: 2, column: 'target_direction', code: 'unknownDirection', value: 'higher' }, '第 2 行 target_direction：方向「higher」只能是 up 或 down'],
    [{ actions: 'course:c-nope' }, { row: 2, column: 'actions', code: 'unknownCourse', value: 'c-nope' }, '第 2 行 actions：未知的课程「c-nope」'],
    [{ actions: 'modelStore:ms-nope' }, { row: 2, column: 'actions', code: 'unknownModelStore', value: 'ms-nope' }, '第 2 行 actions：未知的样板店「ms-nope」'],
    [{ actions: 'summarySection:sales' }, { row: 2, column: 'actions', code: 'unknownSection', value: 'sales' }, '第 2 行 actions：未知的经营页栏目「sales」'],
    [{ actions: 'sendSms' }, { row: 2, column: 'actions', code: 'unknownAction', value: 'sendSms' }, '第 2 行 actions：未知的动作「sendSms」'],
    [{ title: '一二三四五六七八九十一二三四五六七八九十一' }, { row: 2, column: 'title', code: 'titleTooLong', value: '一二三四五六七八九十一二三四五六七八九十一', limit: 20 }, '第 2 行 title：标题超过 20 个字'],
    [{ body: '字'.repeat(201) }, { row: 2, column: 'body', code: 'bodyTooLong', limit: 200 }, '第 2 行 body：正文超过 200 个字'],
    [{ priority: '0' }, { row: 2, column: 'priority', code: 'badPriority', value: '0' }, '第 2 行 priority：优先级「0」应是 1–999 的整数'],
    [{ priority: '2.5' }, { row: 2, column: 'priority', code: 'badPriority', value: '2.5' }, '第 2 行 priority：优先级「2.5」应是 1–999 的整数'],
    [{ valid_from: '2026-02-30' }, { row: 2, column: 'valid_from', code: 'badDate', value: '2026-02-30' }, '第 2 行 valid_from：日期「2026-02-30」应写成 YYYY-MM-DD'],
    [{ valid_from: '2026-12-01', valid_to: '2026-11-30' }, { row: 2, column: 'valid_to', code: 'datesReversed', value: '2026-11-30' }, '第 2 行 valid_to：结束日期「2026-11-30」早于开始日期'],
    [{ id: 'a b' }, { row: 2, column: 'id', code: 'badId', value: 'a b' }, '第 2 行 id：编号「a b」只能用字母、数字、- 和 _，最多 40 个字符'],
    [{ title: '' }, { row: 2, column: 'title', code: 'required' }, '第 2 行 title：不能为空'],
  ]
  it.each(cases.map(([cells, problem, words]) => [(problem as { code: string }).code, cells, problem, words] as const))('refuses a row: %s', (_code, cells, problem, words) => {
    const { strategies, problems } = refusal(cells)
    expect(problems).toEqual([problem])
    expect(problems.map(libraryProblemText)).toEqual([words])
    expect(strategies).toEqual([])
  })

  it('counts a title in characters, not UTF-16 units: 20 with an emoji is fine', () => {
    expect(refusal({ title: '一二三四五六七八九十一二三四五六七八九😀' }).problems).toEqual([])
  })

  it('names a duplicate id with the row it first appeared on', () => {
    const rows = [...withRow({}), GOOD.slice(), GOOD.slice()]
    expect(checkLibrary(rows, KNOWN).problems).toEqual([
      { row: 3, column: 'id', code: 'duplicateId', value: 's-1', limit: 2 },
      { row: 4, column: 'id', code: 'duplicateId', value: 's-1', limit: 2 },
    ])
    expect(libraryProblemText(checkLibrary(rows, KNOWN).problems[0])).toBe('第 3 行 id：编号「s-1」和第 2 行重复')
  })

  it('names every problem of a file by its row as a spreadsheet shows it, blank rows included in the count', () => {
    const rows = [HEADER, GOOD.map((c) => (c === 'newRetail' ? 'stable' : c)), new Array(11).fill(''), GOOD.map((c, i) => (i === 0 ? 's-2' : i === 3 ? 'xx' : i === 7 ? 'course:c-nope' : c))]
    expect(checkLibrary(rows, KNOWN).problems).toEqual([
      { row: 4, column: 'classes', code: 'unknownClass', value: 'xx' },
      { row: 4, column: 'actions', code: 'unknownCourse', value: 'c-nope' },
    ])
  })

  it('refuses a header without a column, and a file without strategies', () => {
    expect(checkLibrary([HEADER.filter((c) => c !== 'priority'), GOOD.slice(0, 10)], KNOWN).problems).toEqual([{ row: 1, column: 'priority', code: 'missingColumn' }])
    expect(checkLibrary([HEADER], KNOWN).problems).toEqual([{ row: 2, column: 'id', code: 'noRows' }])
    expect(libraryProblemText({ row: 1, column: 'priority', code: 'missingColumn' })).toBe('第 1 行 priority：表头缺少这一列')
  })

  it('takes the columns in any order, with extra columns ignored', () => {
    const order = [...LIBRARY_COLUMNS].reverse()
    const rows = [[...order, 'note'], [...order.map((c) => GOOD[LIBRARY_COLUMNS.indexOf(c)]), '备注']]
    const { problems, strategies } = checkLibrary(rows, KNOWN)
    expect(problems).toEqual([])
    expect(strategies[0].id).toBe('s-1')
  })
})
