import type { CalendarNotice, Holiday, OrderStatus } from '../contracts'
import { chinaLabel } from './time'

export const ORDER_STATUS_WORDS: Readonly<Record<OrderStatus, string>> = {
  notOrdered: '未订货',
  ordered: '已订货',
  orderedByHelper: '家人已代订',
}

export const HOLIDAY_WORDS: Readonly<Record<Holiday, string>> = {
  newYear: '元旦',
  springFestival: '春节',
  labourDay: '劳动节',
  nationalDay: '国庆',
}

/** 国庆期间订货时间调整为 10月8日（周四）08:00 至 10月9日（周五）16:00, or 春节期间暂停订货：… */
export const calendarNoticeText = (notice: CalendarNotice): string => {
  const holiday = notice.holiday ? HOLIDAY_WORDS[notice.holiday] : '节假日'
  const closes = chinaLabel(Date.parse(notice.closesAt))
  if (notice.action === 'cancel') return `${holiday}期间暂停订货：原定 ${closes} 截止的订货取消`
  return `${holiday}期间订货时间调整为 ${chinaLabel(Date.parse(notice.opensAt ?? notice.closesAt))} 至 ${closes}`
}
