import type { GuidanceClass } from '../contracts/guidance'
import { formatFen } from './numbers'
import type { CatalogueProblem, CatalogueProblemCode, ComparedFigure, FigureComparison, VttProblem } from '../contracts/learning'

/** The Chinese of 学习: what the pages and the import tool show for the core's codes and figures. */

// The course cards' words live apart (./learningCards.ts), so the 学习 tab in the main package carries only them.
export { clockWords, cardProgressWords, RECOMMEND_WORDS } from './learningCards'

export const TARGET_CLASS_WORDS: Record<GuidanceClass, string> = {
  gradeFluctuation: '档位波动类',
  newRetail: '新零售指导类',
  keySku: '重点品规推介类',
  terminal: '终端提升类',
  stable: '稳定类',
}

export const LEARNING_WORDS = {
  tabTitle: '学习',
  courses: '微课堂',
  modelStores: '示范店',
  visit: '进入AR探店',
  mine: '我的店',
  model: '示范店',
  displayPoints: '陈列要点',
  videoFailed: '视频没能加载，请检查网络后重试',
  retry: '重试',
  speed: '倍速',
  captionsOn: '字幕',
  completed: '已学完',
  viewerHint: '拖动画面或用方向键环顾四周',
  viewerMissing: '没有找到这家示范店的全景',
} as const

export const VTT_PROBLEM_WORDS: Record<VttProblem, string> = {
  notWebVtt: '不是 WebVTT 字幕文件（第一行应为 WEBVTT）',
  badTiming: '时间轴格式不对（应为 00:01.000 --> 00:04.000）',
  endBeforeStart: '字幕的结束时间早于开始时间',
}

const PROBLEM_WORDS: Record<CatalogueProblemCode, (p: CatalogueProblem) => string> = {
  missingColumn: () => '表头缺少这一列',
  empty: () => '不能为空',
  tooLong: (p) => `不能超过 ${p.max} 个字`,
  badId: () => '编号只能用字母、数字、- 和 _',
  duplicateId: () => '编号与前面的行重复',
  badNumber: (p) => `应为 ${p.min}–${p.max} 之间的数`,
  unknownCategory: () => '分类应为 设备与系统、扫码与收款、经营技巧、订货与政策 之一',
  unknownClass: () => `目标类别应为 ${Object.keys(TARGET_CLASS_WORDS).join('、')} 之一`,
  unknownBusinessType: () => '业态应为 食杂店、便利店、超市、烟酒店、娱乐服务、其他 之一',
  unknownAreaType: () => '地域应为 城镇 或 乡村',
  badMediaRef: () => '应为云文件 ID（cloud://…）、HTTPS 地址或媒体文件夹里的文件',
  videoMissing: () => '课程缺少视频文件',
  notVideo: () => '视频应为 MP4 文件',
  captionsMissing: () => '课程缺少字幕文件',
  captionsNotWebVtt: () => '字幕不是 WebVTT 文件',
  notImage: () => '图片应为 JPG 或 PNG 文件',
  fileMissing: () => '媒体文件夹里没有这个文件',
  visitMissing: () => '示范店缺少探店方式（全景图或小程序）',
  badVisit: () => '探店方式应为全景图（JPG/PNG），或 miniprogram:小程序AppID:页面路径',
}

/** What is wrong with one field of a catalogue row, without the row and column. */
export const catalogueProblemText = (p: Omit<CatalogueProblem, 'row' | 'column'>): string =>
  `${PROBLEM_WORDS[p.code]({ row: 0, column: '', ...p })}${p.value === undefined ? '' : `（「${p.value}」）`}`

/** 第 3 行 video：课程缺少视频文件（「courses/x.mp4」）. */
export const catalogueProblemWords = (p: CatalogueProblem): string =>
  `第 ${p.row} 行 ${p.column}：${PROBLEM_WORDS[p.code](p)}${p.value === undefined ? '' : `（「${p.value}」）`}`

export const FIGURE_WORDS: Record<ComparedFigure, string> = {
  monthlySalesFen: '月销售额',
  grossMargin: '毛利率',
  turnoverDays: '库存周转天数',
  grade: '档位',
  sellThrough: '动销率',
}

/** A figure in its unit: ¥1.2万 (formatFen, the one way money is written) · 18.5% · 12.3 天 · 18 档. */
export const figureValueWords = (figure: ComparedFigure, value: number): string => {
  switch (figure) {
    case 'monthlySalesFen':
      return formatFen(value)
    case 'grossMargin':
    case 'sellThrough':
      return `${(value * 100).toFixed(1)}%`
    case 'turnoverDays':
      return `${value.toFixed(1)} 天`
    case 'grade':
      return `${value} 档`
  }
}

const STANDING_WORDS = { ahead: '领先示范店', level: '与示范店持平', behind: '低于示范店' } as const

/** One comparison line: label, my value (or —), the model's value, and where I stand. */
export const comparisonWords = (c: FigureComparison): { label: string; mine: string; model: string; standing: string } => ({
  label: FIGURE_WORDS[c.figure],
  mine: c.mine === null ? '—' : figureValueWords(c.figure, c.mine),
  model: figureValueWords(c.figure, c.model),
  standing: c.standing === null ? '暂无我的数据' : STANDING_WORDS[c.standing],
})
