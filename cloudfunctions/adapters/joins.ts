import type { Doc, Filter, Join } from '../core/ports'

const readPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key]), doc)

/**
 * The `find` one join makes for a found document, for stores that run a join as queries of their
 * own (SQLite inside one read transaction, nedb): `where` plus the correlation. Null when the
 * document's `local` value is not a string or a number, which joins nothing.
 */
export const joinFilter = (doc: Doc, join: Join): Filter | null => {
  if (!join.on) return join.where ?? {}
  const value = readPath(doc, join.on.local)
  if (typeof value !== 'string' && typeof value !== 'number') return null
  return { ...join.where, [join.on.foreign]: value }
}

/** A document cut to `_id` and `fields` (a field it lacks stays absent), for stores that project in memory. */
export const project = (doc: Doc, fields: readonly string[] | undefined): Doc => {
  if (!fields) return doc
  const out: Record<string, unknown> = { _id: doc._id }
  for (const field of fields) if (field in doc) out[field] = (doc as unknown as Record<string, unknown>)[field]
  return out as unknown as Doc
}
