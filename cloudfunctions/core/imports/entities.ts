import { dayNumber, daysBetween, isDate, chinaIso, chinaDate, chinaDayStart, chinaWeekday } from '../time'
import { type CalendarEntry, type Retailer, type Sku } from '../model'
import { isTime } from '../schedule'
import type { RowChecker } from './fields'
import { SKU_CODE, type StagedSpec } from './kinds'
import { textRepeats } from './repeats'
import { LICENSE_PATTERN, AREA_TYPES, BUSINESS_TYPES } from '../../contracts/vocabulary'

const MOBILE = /^1\d{10}$/
/** A customer manager may give a landline: digits and dashes. */
const PHONE = /^[0-9-]{7,20}$/
const json = <T>(): Pick<StagedSpec<T>, 'stage' | 'unstage'> => ({
  stage: (row) => JSON.stringify(row),
  unstage: (line) => JSON.parse(line) as T,
})

const weekday = (c: RowChecker, column: string): number => {
  const raw = c.raw(column)
  if (!/^[1-7]$/.test(raw)) c.problem(column, { code: 'notShape', shape: 'weekday', value: raw })
  return Number(raw)
}

const time = (c: RowChecker, column: string): string => {
  const raw = c.raw(column)
  if (!isTime(raw)) c.problem(column, { code: 'notShape', shape: 'time', value: raw })
  return raw
}

/** The company's register of shops, with each one's weekly order window and customer manager. */
export const retailersSpec: StagedSpec<Retailer> = {
  kind: 'retailers',
  keyColumns: ['license_no'],
  repeats: () => textRepeats<Retailer>((r) => r.licenseNo),
  columns: [
    'license_no', 'shop_name', 'owner_name', 'phone', 'business_type', 'area_type', 'district', 'grade',
    'integrity_score', 'monthly_quota_cartons', 'open_weekday', 'open_time', 'close_weekday', 'close_time',
    'manager_name', 'manager_phone',
  ],
  check: (c) => {
    const licenseNo = c.matches('license_no', LICENSE_PATTERN, 'licenseNo')
    return {
      _id: licenseNo,
      licenseNo,
      shopName: c.text('shop_name', 40),
      ownerName: c.text('owner_name', 20),
      phone: c.matches('phone', MOBILE, 'mobile'),
      businessType: c.oneOf('business_type', BUSINESS_TYPES),
      areaType: c.oneOf('area_type', AREA_TYPES),
      district: c.text('district', 20),
      grade: c.int('grade', 1, 30),
      integrityScore: c.number('integrity_score', 0, 100),
      monthlyQuotaCartons: c.int('monthly_quota_cartons', 0, 100_000),
      orderWindow: {
        openWeekday: weekday(c, 'open_weekday'),
        openTime: time(c, 'open_time'),
        closeWeekday: weekday(c, 'close_weekday'),
        closeTime: time(c, 'close_time'),
      },
      manager: { name: c.text('manager_name', 20), phone: c.matches('manager_phone', PHONE, 'phone') },
    }
  },
  ...json<Retailer>(),
}

/** The catalogue: prices in fen, wholesale per carton (10 packs) and suggested retail per pack. */
export const skusSpec: StagedSpec<Sku> = {
  kind: 'skus',
  keyColumns: ['sku_code'],
  repeats: () => textRepeats<Sku>((s) => s.skuCode),
  columns: ['sku_code', 'name', 'brand', 'price_band', 'wholesale_fen_per_carton', 'retail_fen_per_pack', 'is_key', 'is_new'],
  check: (c) => {
    const skuCode = c.matches('sku_code', SKU_CODE, 'skuCode')
    return {
      _id: skuCode,
      skuCode,
      name: c.text('name', 40),
      brand: c.text('brand', 20),
      priceBand: c.text('price_band', 20),
      wholesaleFenPerCarton: c.int('wholesale_fen_per_carton', 1, 10_000_000),
      retailFenPerPack: c.int('retail_fen_per_pack', 1, 1_000_000),
      isKey: c.flag('is_key'),
      isNew: c.flag('is_new'),
    }
  },
  ...json<Sku>(),
}

const LOCAL_INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/
/** How far a company calendar may move a window from its regular close. */
export const MAX_MOVE_DAYS = 14

/** An ISO-8601 instant; without an offset it is China time. Answers epoch ms, or NaN. */
export const parseLocalInstant = (raw: string): number => {
  const match = LOCAL_INSTANT.exec(raw)
  if (!match || Number.isNaN(dayNumber(match[1])) || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59) return NaN
  const zone = match[5] ?? '+08:00'
  return Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}${zone.length === 5 && zone !== 'Z' ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`)
}

/** Company calendar changes (calendar.csv): cancel or move one cycle of a shop, a district or everyone. */
export const calendarSpec: StagedSpec<CalendarEntry> = {
  kind: 'calendar',
  keyColumns: ['scope', 'cycle_close_date'],
  repeats: () => textRepeats<CalendarEntry>((e) => e._id),
  columns: ['scope', 'cycle_close_date', 'action', 'new_open', 'new_close'],
  check: (c, known) => {
    const scope = c.raw('scope')
    const cycleId = c.date('cycle_close_date', '2000-01-01', '2099-12-31')
    const retailer = known.retailers.get(scope)
    if (scope === '') c.problem('scope', { code: 'empty' })
    else if (LICENSE_PATTERN.test(scope) && !retailer) c.problem('scope', { code: 'unknownRetailer', value: scope })
    else if (!LICENSE_PATTERN.test(scope) && scope !== '*' && !known.districts.has(scope)) c.problem('scope', { code: 'unknownDistrict', value: scope })
    else if (retailer && c.ok && chinaWeekday(chinaDayStart(cycleId)) !== retailer.orderWindow.closeWeekday) {
      c.problem('cycle_close_date', { code: 'notCloseDay', scope, closeWeekday: retailer.orderWindow.closeWeekday, value: cycleId })
    }
    const action = c.oneOf('action', ['cancel', 'move'] as const)
    const entry: CalendarEntry = { _id: `${scope}|${cycleId}`, scope, cycleId, action }
    if (action === 'cancel') {
      for (const column of ['new_open', 'new_close']) if (c.raw(column) !== '') c.problem(column, { code: 'emptyOnCancel' })
    }
    if (action !== 'move') return entry
    const opensAt = parseLocalInstant(c.raw('new_open'))
    const closesAt = parseLocalInstant(c.raw('new_close'))
    for (const [column, at] of [['new_open', opensAt], ['new_close', closesAt]] as const) {
      if (Number.isNaN(at)) c.problem(column, c.raw(column) === '' ? { code: 'requiredOnMove' } : { code: 'notShape', shape: 'instant', value: c.raw(column) })
    }
    if (Number.isNaN(opensAt) || Number.isNaN(closesAt)) return entry
    if (closesAt <= opensAt) c.problem('new_close', { code: 'closeNotAfterOpen' })
    if (isDate(cycleId) && Math.abs(daysBetween(cycleId, chinaDate(closesAt))) > MAX_MOVE_DAYS) {
      c.problem('new_close', { code: 'movedTooFar', cycleId, days: MAX_MOVE_DAYS })
    }
    return { ...entry, newOpen: chinaIso(opensAt), newClose: chinaIso(closesAt) }
  },
  ...json<CalendarEntry>(),
}
