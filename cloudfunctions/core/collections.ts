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
  importUndo: [{ field: 'importId' }],
  reminderSchedules: [{ field: 'nextFireAt' }],
  reminderSlots: [{ field: 'recipient' }],
  sends: [],
  consents: [],
  invites: [],
  helpers: [{ field: 'licenseNo' }, { field: 'openId' }],
  helperLog: [{ field: 'licenseNo' }],
} satisfies Record<string, IndexSpec[]>

export type CollectionName = keyof typeof COLLECTIONS
