import type { HelperAction, HelperKind, HelperScope } from '../contracts'

export const SCOPE_WORDS: Readonly<Record<HelperScope, string>> = {
  remind: '收到订货提醒，查看订货状态',
  order: '查看建议订单，代为标记已订货',
  insights: '查看经营数据',
}

export const HELPER_KIND_WORDS: Readonly<Record<HelperKind, string>> = { family: '家人', neighbour: '结对子邻居' }

export const HELPER_ACTION_WORDS: Readonly<Record<HelperAction, string>> = {
  accept: '接受了邀请，成为帮手',
  markOrdered: '代为标记了已订货',
  undoOrdered: '撤销了已订货的标记',
  viewSummary: '查看了经营数据',
  saveOrderDraft: '改了订货建议',
}

/** One line of the helper log after the time: 林小燕查看了经营数据（当天 3 次） */
export const helperLogLine = (entry: { helperName: string; action: HelperAction; views?: number }): string =>
  `${entry.helperName}${HELPER_ACTION_WORDS[entry.action]}${entry.views !== undefined && entry.views > 1 ? `（当天 ${entry.views} 次）` : ''}`
