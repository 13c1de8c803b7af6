import type { IndexSpec } from './ports'

/**
 * Every collection and the indexes its queries need. The embedded store creates them on open;
 * for CloudBase the same list is printed by `npm run deploy` to create in the console.
 */
export const COLLECTIONS = {
  retailers: [{ field: 'district' }],
  skus: [],
  bindings: [{ field: 'openId', unique: true }],
  counters: [],
  calendar: [{ field: 'scope' }],
  orders: [{ field: 'licenseNo' }],
  orderDrafts: [],
  salesWeeks: [],
  salesMonths: [{ field: 'month' }],
  purchaseWeeks: [],
  purchaseMonths: [],
  inventoryWeeks: [],
  inventoryMonths: [{ field: 'month' }],
  peerStats: [{ field: 'month' }],
  imports: [],
  /** The import lease where the store has none of its own (CloudBase): one document. */
  leases: [],
  importUndo: [{ field: 'importId' }],
  reminderSchedules: [{ field: 'nextFireAt' }, { field: 'refresh' }],
  reminderSlots: [{ field: 'recipient' }],
  /** The sends ledger: new-guide notices send through it (reminder slots carry their own). */
  sends: [],
  consents: [],
  invites: [],
  helpers: [{ field: 'licenseNo' }, { field: 'openId' }],
  helperLog: [{ field: 'licenseNo' }],
  marketingMonths: [{ field: 'month' }, { field: 'licenseNo' }],
  strategies: [],
  // 首页 reads the newest guide's tip and nothing else of it (guides are 2.7 KB, the tip 0.3).
  guides: [{ field: 'month' }, { field: 'licenseNo', carries: ['tip'] }],
  guideBuilds: [],
  guideNotices: [{ field: 'recipient' }, { field: 'dueAt' }],
  guideFeedback: [{ field: 'month' }],
  // 学习: the catalogues (imported whole) and each viewer's progress, found by viewer and by course for the report.
  courses: [],
  modelStores: [],
  courseProgress: [{ field: 'openId' }, { field: 'courseId' }],
} satisfies Record<string, IndexSpec[]>

export type CollectionName = keyof typeof COLLECTIONS
