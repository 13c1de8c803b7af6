import type { Binding, CalendarEntry, Counter, OrderRecord, Retailer, Sku } from './model'
import type { DocumentStore } from './ports'
import type { CollectionName } from './collections'

/** Typed access to every collection: the one place a collection name meets its document type. */
export const repos = (store: DocumentStore) => {
  const of = <T extends { _id: string }>(name: CollectionName) => store.collection<T>(name)
  return {
    retailers: of<Retailer>('retailers'),
    skus: of<Sku>('skus'),
    bindings: of<Binding>('bindings'),
    counters: of<Counter>('counters'),
    calendar: of<CalendarEntry>('calendar'),
    orders: of<OrderRecord>('orders'),
  }
}

export type Repos = ReturnType<typeof repos>
