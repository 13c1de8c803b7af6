import type { GuidanceClass } from '../../contracts/guidance'
import { storedGuides, type GuideReader } from '../../core/learning/ports'
import type { DocumentStore } from '../../core/ports'
import { repos } from '../../core/repos'
import { TARGET_CLASS_WORDS } from '../../words/learning'
import { formatCount } from '../../words/numbers'

/**
 * `npm run report -- learning YYYY-MM`: for the county company, per course, how many viewers watched in
 * the month and how many learnt it (已学完, ≥ 90 % really watched) in the month; then the same by the target
 * class of the viewers' shops in that month's guide. A viewer is one person watching for one shop (a
 * helper watching for the shop counts apart from the owner). A shop in several classes counts in each;
 * a shop without a guide that month counts under 未分类.
 */
export type ClassKey = GuidanceClass | 'unclassified'

export interface CourseLine {
  courseId: string
  title: string
  viewers: number
  completions: number
}

export interface LearningReport {
  month: string
  courses: CourseLine[]
  byClass: { class: ClassKey; viewers: number; completions: number }[]
  /** Whether any shop's class came from a guide (false: no guides yet, everything 未分类). */
  guided: boolean
}

const CLASS_ORDER: ClassKey[] = ['gradeFluctuation', 'newRetail', 'keySku', 'terminal', 'stable', 'unclassified']

export const learningReport = async (store: DocumentStore, month: string, guides: GuideReader = storedGuides(repos(store))): Promise<LearningReport> => {
  const db = repos(store)
  const courses = await db.courses.find({}, { sort: { rank: 1 } })
  const classesOf = new Map<string, ClassKey[]>()
  let guided = false
  const shopClasses = async (licenseNo: string): Promise<ClassKey[]> => {
    let known = classesOf.get(licenseNo)
    if (!known) {
      const guide = await guides.guideOf(licenseNo, month)
      if (guide) guided = true
      known = guide && guide.classes.length > 0 ? guide.classes.map((c) => c.id) : ['unclassified']
      classesOf.set(licenseNo, known)
    }
    return known
  }
  const byClass = new Map<ClassKey, { viewers: number; completions: number }>()
  const lines: CourseLine[] = []
  for (const course of courses) {
    const line: CourseLine = { courseId: course.id, title: course.title, viewers: 0, completions: 0 }
    for (const progress of await db.courseProgress.find({ courseId: course.id })) {
      const viewed = progress.watchedMonths.includes(month)
      const completed = progress.completedAt !== null && progress.completedAt.slice(0, 7) === month
      if (!viewed && !completed) continue
      line.viewers += viewed ? 1 : 0
      line.completions += completed ? 1 : 0
      for (const key of await shopClasses(progress.licenseNo)) {
        const tally = byClass.get(key) ?? { viewers: 0, completions: 0 }
        tally.viewers += viewed ? 1 : 0
        tally.completions += completed ? 1 : 0
        byClass.set(key, tally)
      }
    }
    lines.push(line)
  }
  return {
    month,
    courses: lines,
    byClass: CLASS_ORDER.filter((key) => byClass.has(key)).map((key) => ({ class: key, ...(byClass.get(key) as { viewers: number; completions: number }) })),
    guided,
  }
}

const classWords = (key: ClassKey): string => (key === 'unclassified' ? '未分类' : TARGET_CLASS_WORDS[key])

/** The report as the company reads it: tab-separated, so it pastes into a spreadsheet. */
export const learningReportText = (report: LearningReport): string => {
  const rows = [
    `${report.month} 微课堂学习情况`,
    '',
    ['课程编号', '课程', '观看人数', '学完人数'].join('\t'),
    ...report.courses.map((c) => [c.courseId, c.title, formatCount(c.viewers), formatCount(c.completions)].join('\t')),
    '',
    '按目标类别（店铺所属类别，一店多类时每类各计一次）',
    ['类别', '观看人数', '学完人数'].join('\t'),
    ...(report.byClass.length === 0 ? ['（本月没有人观看）'] : report.byClass.map((c) => [classWords(c.class), formatCount(c.viewers), formatCount(c.completions)].join('\t'))),
  ]
  if (!report.guided) rows.push('', '本月还没有客户数字经营指导书，店铺类别无从得知，全部计为未分类。')
  return rows.join('\n')
}
