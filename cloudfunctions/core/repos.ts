import type { Binding, CalendarEntry, Counter, RawWeek, ImportRecord, ImportUndo, InventoryMonth, OrderRecord, OrderDraft, PeerStats, PurchaseMonth, Retailer, SalesMonth, Sku, Consent, Helper, HelperLogEntry, Invite, ReminderSchedule, ReminderSlot, SendRecord, MarketingMonth, StoredStrategy, StoredGuide, GuideBuild, GuideNotice, GuideFeedback, CourseDoc, ModelStoreDoc, CourseProgressDoc } from './model'
import type { DocumentStore } from './ports'
import type { CollectionName } from './collections'

const made = new WeakMap<DocumentStore, Repos>()

/** Typed access to every collection: the one place a collection name meets its document type. Made once per store: every call of every function asks. */
export const repos = (store: DocumentStore): Repos => {
  let typed = made.get(store)
  if (!typed) made.set(store, (typed = reposOf(store)))
  return typed
}

const reposOf = (store: DocumentStore) => {
  const of = <T extends { _id: string }>(name: CollectionName) => store.collection<T>(name)
  return {
    retailers: of<Retailer>('retailers'),
    skus: of<Sku>('skus'),
    bindings: of<Binding>('bindings'),
    counters: of<Counter>('counters'),
    calendar: of<CalendarEntry>('calendar'),
    orders: of<OrderRecord>('orders'),
    orderDrafts: of<OrderDraft>('orderDrafts'),
    salesWeeks: of<RawWeek>('salesWeeks'),
    salesMonths: of<SalesMonth>('salesMonths'),
    purchaseWeeks: of<RawWeek>('purchaseWeeks'),
    purchaseMonths: of<PurchaseMonth>('purchaseMonths'),
    inventoryWeeks: of<RawWeek>('inventoryWeeks'),
    inventoryMonths: of<InventoryMonth>('inventoryMonths'),
    peerStats: of<PeerStats>('peerStats'),
    imports: of<ImportRecord>('imports'),
    importUndo: of<ImportUndo>('importUndo'),
    reminderSchedules: of<ReminderSchedule>('reminderSchedules'),
    reminderSlots: of<ReminderSlot>('reminderSlots'),
    sends: of<SendRecord>('sends'),
    consents: of<Consent>('consents'),
    invites: of<Invite>('invites'),
    helpers: of<Helper>('helpers'),
    helperLog: of<HelperLogEntry>('helperLog'),
    marketingMonths: of<MarketingMonth>('marketingMonths'),
    strategies: of<StoredStrategy>('strategies'),
    guides: of<StoredGuide>('guides'),
    guideBuilds: of<GuideBuild>('guideBuilds'),
    guideNotices: of<GuideNotice>('guideNotices'),
    guideFeedback: of<GuideFeedback>('guideFeedback'),
    courses: of<CourseDoc>('courses'),
    modelStores: of<ModelStoreDoc>('modelStores'),
    courseProgress: of<CourseProgressDoc>('courseProgress'),
  }
}

export type Repos = ReturnType<typeof reposOf>
