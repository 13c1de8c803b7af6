import { readFileSync, readdirSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { validateCourses, validateModelStores, parseWebVtt, cuesAt, type MediaIndex } from '../../cloudfunctions/core/learning'
import { catalogueProblemWords } from '../../cloudfunctions/words/learning'
import { COURSE_COLUMNS, MODEL_STORE_COLUMNS } from '../../cloudfunctions/contracts/learning'

describe('WebVTT', () => {
  test('reads cues with and without identifiers, hours optional, settings and notes skipped', () => {
    const text = '\uFEFFWEBVTT - 收银\r\nKind: captions\r\n\r\nNOTE 这是注释\r\n\r\n1\r\n00:00:00.000 --> 00:00:05.895\r\n年纪大了，\r\n手机用不惯？\r\n\r\n00:06.695 --> 01:00:10.120 align:start\r\n在我的页面\r\n'
    expect(parseWebVtt(text)).toEqual({
      ok: true,
      cues: [
        { id: '1', startS: 0, endS: 5.895, text: '年纪大了，\n手机用不惯？' },
        { id: null, startS: 6.695, endS: 3610.12, text: '在我的页面' },
      ],
    })
  })

  test('refuses what is not WebVTT: SRT, plain text, a bad timestamp, an end before the start', () => {
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\n你好\n')).toEqual({ ok: false, code: 'notWebVtt', line: 1 })
    expect(parseWebVtt('WEBVTTX\n')).toEqual({ ok: false, code: 'notWebVtt', line: 1 })
    expect(parseWebVtt('')).toEqual({ ok: false, code: 'notWebVtt', line: 1 })
    expect(parseWebVtt('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\n你好\n')).toEqual({ ok: false, code: 'badTiming', line: 3 })
    expect(parseWebVtt('WEBVTT\n\ncue\n00:00:03.000 --> 00:00:02.000\n你好\n')).toEqual({ ok: false, code: 'endBeforeStart', line: 4 })
    expect(parseWebVtt('WEBVTT\n')).toEqual({ ok: true, cues: [] })
  })

  test('the cue showing at a time: start inclusive, end exclusive', () => {
    const result = parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:02.000 --> 00:03.000\nB\n')
    if (!result.ok) throw new Error('parse')
    expect(cuesAt(result.cues, 0.999).map((c) => c.text)).toEqual([])
    expect(cuesAt(result.cues, 1).map((c) => c.text)).toEqual(['A'])
    expect(cuesAt(result.cues, 2).map((c) => c.text)).toEqual(['B'])
    expect(cuesAt(result.cues, 3).map((c) => c.text)).toEqual([])
  })
})

const rows = (...records: string[][]): string[][] => records
const media: MediaIndex = {
  files: new Set(['courses/a.mp4', 'courses/a.vtt', 'courses/a.jpg', 'courses/bad.vtt', 'stores/p.jpg', 'stores/f.jpg']),
  texts: new Map([['courses/a.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\n好\n'], ['courses/bad.vtt', '1\n00:00:01,000 --> 00:00:02,000\n好\n']]),
}
const course = (over: Partial<Record<(typeof COURSE_COLUMNS)[number], string>> = {}): string[] => {
  const base = { id: 'c-a', title: '收银', category: '设备与系统', duration_s: '45.5', cover: 'courses/a.jpg', video: 'courses/a.mp4', captions: 'courses/a.vtt', target_classes: 'newRetail|stable', tags: '收银|网络', ...over }
  return COURSE_COLUMNS.map((c) => base[c])
}
const store = (over: Partial<Record<(typeof MODEL_STORE_COLUMNS)[number], string>> = {}): string[] => {
  const base = {
    id: 'ms-a', name: '城镇便利店', business_type: '便利店', area_type: '城镇', district: '城关一片', address: '兴华路 18 号', photos: 'stores/f.jpg',
    monthly_sales_fen: '12850000', gross_margin: '0.112', turnover_days: '9.5', grade: '24', sell_through: '0.93', display_points: '卷烟柜靠近收银台|价签朝外',
    visit: 'stores/p.jpg', ...over,
  }
  return MODEL_STORE_COLUMNS.map((c) => base[c])
}

describe('courses.csv', () => {
  test('a clean file gives its courses', () => {
    const result = validateCourses(rows([...COURSE_COLUMNS], course(), course({ id: 'c-b', video: 'https://cdn.example.com/b.mp4?x=1', captions: 'cloud://env.abc/b.vtt', cover: 'https://cdn.example.com/b.png', target_classes: '' })), media)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.items[0]).toEqual({ id: 'c-a', title: '收银', category: '设备与系统', durationS: 45.5, cover: 'courses/a.jpg', video: 'courses/a.mp4', captions: 'courses/a.vtt', targetClasses: ['newRetail', 'stable'], tags: ['收银', '网络'] })
    expect(result.items[1].targetClasses).toEqual([])
  })

  test('every problem of the whole file, with its row: no video, captions not WebVTT, unknown category and class', () => {
    const result = validateCourses(
      rows(
        [...COURSE_COLUMNS],
        course({ video: '' }), // row 2
        course({ id: 'c-b', captions: 'courses/bad.vtt' }), // row 3
        course({ id: 'c-c', captions: 'courses/a.srt' }), // row 4
        course({ id: 'c-d', category: '娱乐', target_classes: 'newRetail|vip' }), // row 5
        course({ id: 'c-e', video: 'courses/missing.mp4', duration_s: '0' }), // row 6
        course({ id: 'c-e', video: 'courses/a.avi', cover: 'javascript:alert(1)' }), // row 7
        ['', '', '', '', '', '', '', '', ''], // a blank line is skipped
      ),
      media,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'video', 'videoMissing'],
      [3, 'captions', 'captionsNotWebVtt'],
      [4, 'captions', 'captionsNotWebVtt'],
      [5, 'category', 'unknownCategory'],
      [5, 'target_classes', 'unknownClass'],
      [6, 'duration_s', 'badNumber'],
      [6, 'video', 'videoMissing'],
      [7, 'cover', 'badMediaRef'],
      [7, 'video', 'notVideo'],
      [7, 'id', 'duplicateId'],
    ])
    expect(result.problems[1].value).toBe('courses/bad.vtt (notWebVtt, line 1)')
    expect(catalogueProblemWords(result.problems[0])).toBe('第 2 行 video：课程缺少视频文件')
    expect(catalogueProblemWords(result.problems[4])).toBe('第 5 行 target_classes：目标类别应为 gradeFluctuation、newRetail、keySku、terminal、stable 之一（「vip」）')
  })

  test('a header without a required column is refused at row 1', () => {
    const result = validateCourses(rows(['id', 'title', 'category', 'duration_s', 'cover', 'captions', 'target_classes', 'tags'], ['x']))
    expect(result).toEqual({ ok: false, problems: [{ row: 1, column: 'video', code: 'missingColumn' }] })
  })
})

describe('modelStores.csv', () => {
  test('a panorama visit and a mini-program visit', () => {
    const result = validateModelStores(rows([...MODEL_STORE_COLUMNS], store(), store({ id: 'ms-b', visit: 'miniprogram:wx0123456789abcdef:pages/store/index?id=7' })), media)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.items[0]).toMatchObject({ grossMargin: 0.112, turnoverDays: 9.5, grade: 24, monthlySalesFen: 12_850_000, displayPoints: ['卷烟柜靠近收银台', '价签朝外'], visit: { kind: 'panorama', src: 'stores/p.jpg' } })
    expect(result.items[1].visit).toEqual({ kind: 'miniProgram', appId: 'wx0123456789abcdef', path: 'pages/store/index?id=7' })
  })

  test('a store without a visit, a bad visit, unknown types and out-of-range figures are named by row', () => {
    const result = validateModelStores(
      rows(
        [...MODEL_STORE_COLUMNS],
        store({ visit: '' }),
        store({ id: 'ms-b', visit: 'miniprogram:wx123:pages/a' }),
        store({ id: 'ms-c', visit: 'stores/p.mp4', business_type: '药店', area_type: '郊区' }),
        store({ id: 'ms-d', gross_margin: '11.2', grade: '24.5', photos: 'stores/nope.jpg', display_points: '' }),
        store({ id: '../x', visit: 'stores/../../etc/passwd.jpg' }),
      ),
      media,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'visit', 'visitMissing'],
      [3, 'visit', 'badVisit'],
      [4, 'business_type', 'unknownBusinessType'],
      [4, 'area_type', 'unknownAreaType'],
      [4, 'visit', 'badVisit'],
      [5, 'photos', 'fileMissing'],
      [5, 'gross_margin', 'badNumber'],
      [5, 'grade', 'badNumber'],
      [5, 'display_points', 'empty'],
      [6, 'id', 'badId'],
      [6, 'visit', 'badMediaRef'],
    ])
    expect(catalogueProblemWords(result.problems[0])).toBe('第 2 行 visit：示范店缺少探店方式（全景图或小程序）')
  })
})

describe('the default catalogues', () => {
  const dir = `${__dirname}/../../cloudfunctions/defaults`
  const files = ['courses', 'stores'].flatMap((sub) => readdirSync(`${dir}/media/${sub}`).map((f) => `${sub}/${f}`))
  const index: MediaIndex = { files: new Set(files), texts: new Map(files.filter((f) => f.endsWith('.vtt')).map((f) => [f, readFileSync(`${dir}/media/${f}`, 'utf8')])) }
  const read = (name: string): string[][] => parse(readFileSync(`${dir}/${name}`, 'utf8'))

  test('courses.csv is clean against the media folder: five courses, one per topic', () => {
    const result = validateCourses(read('courses.csv'), index)
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    expect(result.items.map((c) => c.id)).toEqual(['c-pos-unstable', 'c-scanner-fault', 'c-card-limit', 'c-stockout-warning', 'c-family-order'])
  })

  test('modelStores.csv is clean against the media folder: three stores, each visited by a panorama', () => {
    const result = validateModelStores(read('modelStores.csv'), index)
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    expect(result.items.map((s) => [s.id, s.businessType, s.areaType, s.visit.kind])).toEqual([
      ['ms-town-convenience', '便利店', '城镇', 'panorama'],
      ['ms-village-grocery', '食杂店', '乡村', 'panorama'],
      ['ms-town-tobacco-liquor', '烟酒店', '城镇', 'panorama'],
    ])
  })
})
