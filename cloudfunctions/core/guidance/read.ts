import type { Deps, Join } from '../ports'
import type { Consent, GuideFeedback, Retailer, StoredGuide } from '../model'
import { repos, type Repos } from '../repos'
import { fail } from '../errors'
import { actingFor, actingForWith } from '../helpers/access'
import { logHelperAction } from '../helpers/log'
import { consentId, consentsLeft, templateIdOf } from '../reminders/consents'
import { monthId } from '../imports/weeks'
import { MONTHLY_GUIDE } from './notices'
import { previousMonth } from './build'
import { guideOfDoc } from './tip'
import type { GuideData, GuideFeedbackResult, ProfitSheetData } from '../../contracts/guidance'
import type { GuideVerdict } from '../../contracts/vocabulary'
import type { GuideNoticeEntry } from '../../contracts/results'
import { chinaIso } from '../time'

/** How many months of guides the page offers. */
export const GUIDE_MONTHS = 13


/** The `guide` function: one month's guide (the newest when none is named) of the caller's shop or one they help with `insights`. */
export const getGuide = async (deps: Deps, caller: string, event: { month?: string; retailer?: string }): Promise<GuideData> => {
  const db = repos(deps.store)
  const { retailer, helper, joined } = await actingForWith(db, caller, event.retailer, ['insights'], (licence) => ({
    guides: newestGuidesJoin(licence, GUIDE_MONTHS),
    consent: { from: 'consents', where: { _id: consentId(caller, MONTHLY_GUIDE) } },
  }))
  const guides = joined.guides as StoredGuide[]
  const month = event.month ?? guides[0]?.month ?? previousMonth(deps.clock.now().getTime())
  const doc = guides.find((g) => g.month === month) ?? (event.month ? await db.guides.get(monthId(retailer.licenseNo, month)) : null)
  const feedback: Record<string, GuideVerdict> = {}
  if (doc) {
    for (const f of await db.guideFeedback.find({ licenseNo: retailer.licenseNo, month, openId: caller })) feedback[f.strategyId] = f.verdict
  }
  if (helper) await logHelperAction(deps, helper, 'viewSummary')
  return {
    retailer: { licenseNo: retailer.licenseNo, shopName: retailer.shopName, district: retailer.district },
    month,
    months: guides.map((g) => g.month),
    guide: doc ? guideOfDoc(doc) : null,
    feedback,
    manager: retailer.manager,
    reminderConsents: await consentsLeft(db, joined.consent[0] as Consent | undefined),
    reminderTemplateId: templateIdOf(deps, MONTHLY_GUIDE),
  }
}

/** 有用 / 没用 on one strategy of one month's guide: one verdict per user, the latest wins. */
export const recordFeedback = async (
  deps: Deps,
  caller: string,
  event: { month: string; strategyId: string; verdict: GuideVerdict; retailer?: string },
): Promise<GuideFeedbackResult> => {
  const db = repos(deps.store)
  const { retailer } = await actingFor(db, caller, event.retailer, 'insights')
  const guide = await db.guides.get(monthId(retailer.licenseNo, event.month))
  if (!guide) return fail('NOT_FOUND', 'noGuide', { month: event.month })
  if (!guide.strategies.some((s) => s.id === event.strategyId)) return fail('NOT_FOUND', 'strategyNotInGuide')
  const doc: GuideFeedback = {
    _id: `${retailer.licenseNo}|${event.month}|${event.strategyId}|${caller}`,
    licenseNo: retailer.licenseNo,
    month: event.month,
    strategyId: event.strategyId,
    openId: caller,
    verdict: event.verdict,
    at: chinaIso(deps.clock.now().getTime()),
  }
  await db.guideFeedback.put(doc)
  return { month: event.month, strategyId: event.strategyId, verdict: event.verdict }
}

/**
 * A shop's newest `count` guides, newest first, read with the document that names the shop through
 * `licenceField`. A guide's id is `licence|month`, so the newest are the last ids of the licence.
 */
export const newestGuidesJoin = (licenceField: string, count: number): Join => ({ from: 'guides', on: { local: licenceField, foreign: 'licenseNo' }, sort: { _id: -1 }, limit: count })

/** 二维码盈利单: gross profit per SKU and in total over one month (the newest guide's month by default). */
export const getProfitSheet = async (deps: Deps, caller: string, event: { month?: string; retailer?: string }): Promise<ProfitSheetData> => {
  const db = repos(deps.store)
  const { retailer, joined } = await actingForWith(db, caller, event.retailer, ['insights'], (licence) => ({ newest: newestGuidesJoin(licence, 1) }))
  const month = event.month ?? (joined.newest[0] as StoredGuide | undefined)?.month ?? previousMonth(deps.clock.now().getTime())
  return profitSheetOf(db, retailer, month)
}

export const profitSheetOf = async (db: Repos, retailer: Pick<Retailer, 'licenseNo' | 'shopName'>, month: string): Promise<ProfitSheetData> => {
  const sales = await db.salesMonths.get(monthId(retailer.licenseNo, month))
  const rows = sales?.skus ?? []
  const names = new Map((await db.skus.find({ _id: { $in: rows.map((r) => r.skuCode) } }, { limit: Math.max(1, rows.length) })).map((s) => [s.skuCode, s.name]))
  const skus = rows
    .filter((r) => r.packs !== 0 || r.salesFen !== 0)
    .map((r) => ({ skuCode: r.skuCode, name: names.get(r.skuCode) ?? r.skuCode, packs: r.packs, salesFen: r.salesFen, grossProfitFen: r.salesFen - r.costFen }))
    .sort((a, b) => b.grossProfitFen - a.grossProfitFen || (a.skuCode < b.skuCode ? -1 : 1))
  const totals = sales?.totals
  return {
    retailer: { licenseNo: retailer.licenseNo, shopName: retailer.shopName },
    month,
    packs: totals?.packs ?? 0,
    salesFen: totals?.salesFen ?? 0,
    grossProfitFen: totals ? totals.salesFen - totals.costFen : 0,
    skus,
  }
}

/** 消息: the new-guide notices addressed to the caller, newest first. */
export const guideNoticesFor = async (db: Repos, caller: string, limit: number): Promise<GuideNoticeEntry[]> => {
  const notices = await db.guideNotices.find({ recipient: caller }, { sort: { month: -1, _id: 1 }, limit })
  if (notices.length === 0) return []
  const ids = [...new Set(notices.map((n) => n.licenseNo))]
  const [shops, guides] = await Promise.all([
    db.retailers.find({ _id: { $in: ids } }),
    db.guides.find({ _id: { $in: notices.map((n) => monthId(n.licenseNo, n.month)) } }, { limit: notices.length }),
  ])
  const names = new Map(shops.map((r) => [r._id, r.shopName]))
  const firsts = new Map(guides.map((g) => [g._id, g.strategies[0]?.title ?? null]))
  return notices.map((n) => ({
    id: n._id,
    at: chinaIso(Date.parse(n.createdAt)),
    month: n.month,
    retailer: { licenseNo: n.licenseNo, shopName: names.get(n.licenseNo) ?? '' },
    strategyTitle: firsts.get(monthId(n.licenseNo, n.month)) ?? null,
    messaged: n.outcome === 'sent',
  }))
}
