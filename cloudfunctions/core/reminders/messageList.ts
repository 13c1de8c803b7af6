import type { Deps } from '../ports'
import type { ReminderOffset, ReminderOutcome } from '../model'
import { repos } from '../repos'
import { chinaIso } from '../chinaTime'
import type { MessagesData } from '../../contracts/results'

/** 我的 → 消息: every reminder addressed to the caller, newest first, with what became of it. */

export const MESSAGE_LIST_LIMIT = 100

const KIND_TEXT: Readonly<Record<ReminderOffset, string>> = {
  atOpen: '订货开始提醒',
  closingDayNoon: '截止日中午提醒',
  twoHoursBefore: '截止前 2 小时提醒',
}

export const OUTCOME_TEXT: Readonly<Record<ReminderOutcome, string>> = {
  sent: '已发送',
  noConsent: '未发送：提醒次数已用完',
  failed: '发送失败',
  missed: '未发送：已错过提醒时间',
}

export const listMessages = async (deps: Deps, caller: string): Promise<MessagesData> => {
  const db = repos(deps.store)
  const slots = (await db.reminderSlots.find({ recipient: caller }, { sort: { dueAt: -1, _id: 1 }, limit: MESSAGE_LIST_LIMIT })).filter(
    (s) => s.state === 'done',
  )
  const shops = new Map((await db.retailers.find({ _id: { $in: [...new Set(slots.map((s) => s.licenseNo))] } })).map((r) => [r._id, r.shopName]))
  return {
    messages: slots.map((s) => {
      const outcome = s.outcome ?? 'missed'
      return {
        id: s._id,
        at: chinaIso(Date.parse(s.recordedAt ?? s.claimedAt)),
        dueAt: chinaIso(s.dueAt),
        retailer: { licenseNo: s.licenseNo, shopName: shops.get(s.licenseNo) ?? '' },
        cycleId: s.cycleId,
        role: s.role,
        offset: s.offset,
        title: s.role === 'helper' ? '家人未订货提醒' : KIND_TEXT[s.offset],
        outcome,
        outcomeText: OUTCOME_TEXT[outcome],
      }
    }),
  }
}
