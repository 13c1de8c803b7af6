import type { CollectionName } from '../collections'
import type { Doc, DocumentStore, Filter } from '../ports'
import type { ImportRecord, ImportUndo } from '../model'
import { repos } from '../repos'
import { bumpDataVersion } from '../insights/freshness'

/** Documents per write (and per undo record): well under CloudBase's per-request limits. */
export const BATCH = 500

/**
 * Every write an import makes goes through its journal, which first records how to undo it: the
 * ids it creates and the documents it replaces. If the process dies half-way, the next import (or
 * `recoverImports` at start-up) finds the import still `applying` and puts every document back as
 * it was, so a file is applied completely or not at all.
 */
export class Journal {
  private seq = 0
  /** Documents written so far. */
  changed = 0

  private constructor(
    private readonly store: DocumentStore,
    readonly importId: string,
  ) {}

  /** The next undo record's number: where a chunk that dies part-way is undone back to. */
  get nextSeq(): number {
    return this.seq
  }

  /**
   * The journal of an import in chunks, in the next chunk (any process): first undoes what a chunk
   * that died part-way wrote after the position it saved (undo records from `seq` on), then goes on
   * numbering from there.
   */
  static async resume(store: DocumentStore, importId: string, seq: number, changed: number): Promise<Journal> {
    await rollBack(store, importId, seq)
    const journal = new Journal(store, importId)
    journal.seq = seq
    journal.changed = changed
    return journal
  }

  static async begin(store: DocumentStore, record: Omit<ImportRecord, 'state'>): Promise<Journal> {
    const db = repos(store)
    // A former run of the same file may have left undo records behind: they are not ours.
    await db.importUndo.remove({ importId: record._id })
    await db.imports.put({ ...record, state: 'applying' })
    // Summaries kept from before must not outlive what this import is about to change.
    await bumpDataVersion(store)
    return new Journal(store, record._id)
  }

  private async log(collection: CollectionName, created: string[], before: Doc[], createdWhere?: Record<string, string>): Promise<void> {
    const undo: ImportUndo = { _id: `${this.importId}|${this.seq}`, importId: this.importId, seq: this.seq++, collection, created, before }
    if (createdWhere) undo.createdWhere = createdWhere
    await repos(this.store).importUndo.put(undo)
  }

  /** Writes whole documents; `before` holds those that exist now, keyed by id (absent: new). */
  async write<T extends Doc>(collection: CollectionName, docs: readonly T[], before: ReadonlyMap<string, T>): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      const replaced = batch.flatMap((doc) => {
        const old = before.get(doc._id)
        return old ? [old] : []
      })
      await this.log(collection, batch.filter((doc) => !before.has(doc._id)).map((doc) => doc._id), replaced)
      await this.store.collection<T>(collection).putMany(batch)
      this.changed += batch.length
    }
  }

  /** Inserts documents whose ids are free, leaving taken ones alone; undo removes only those still matching `createdWhere`. */
  async insertNew<T extends Doc>(collection: CollectionName, docs: readonly T[], createdWhere: Record<string, string>): Promise<number> {
    let inserted = 0
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      await this.log(collection, batch.map((doc) => doc._id), [], createdWhere)
      for (const doc of batch) if (await this.store.collection<T>(collection).insert(doc)) inserted++
    }
    this.changed += inserted
    return inserted
  }

  async remove<T extends Doc>(collection: CollectionName, docs: readonly T[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH)
      await this.log(collection, [], [...batch])
      await this.store.collection<T>(collection).remove({ _id: { $in: batch.map((doc) => doc._id) } })
      this.changed += batch.length
    }
  }

  /** Undoes what this import wrote and forgets it: a refused file leaves no trace. */
  async abandon(): Promise<void> {
    await rollBack(this.store, this.importId)
    await repos(this.store).imports.remove({ _id: this.importId })
    await bumpDataVersion(this.store)
  }

  async finish(outcome: Pick<ImportRecord, 'sha256' | 'rows' | 'imported' | 'finishedAt'>): Promise<void> {
    const db = repos(this.store)
    await db.imports.update({ _id: this.importId }, { ...outcome, state: 'done' })
    await db.importUndo.remove({ importId: this.importId })
    await bumpDataVersion(this.store)
  }
}

/** Undoes every write of one import (from undo record `from` on), newest first. */
const rollBack = async (store: DocumentStore, importId: string, from = 0): Promise<void> => {
  const db = repos(store)
  for (;;) {
    const page = await db.importUndo.find(from > 0 ? { importId, seq: { $gte: from } } : { importId }, { sort: { seq: -1 }, limit: 20 })
    if (page.length === 0) return
    for (const step of page) {
      await undo(store, step)
      await db.importUndo.remove({ _id: step._id })
    }
  }
}

const undo = async (store: DocumentStore, record: ImportUndo): Promise<void> => {
  const collection = store.collection<Doc>(record.collection)
  if (record.created.length > 0) await collection.remove({ _id: { $in: record.created }, ...(record.createdWhere ?? {}) } as Filter)
  if (record.before.length > 0) await collection.putMany(record.before)
}

/**
 * Rolls back every import that stopped while applying, newest write first, and clears undo
 * records a finished import left. Answers how many imports were rolled back.
 */
export const recoverImports = async (store: DocumentStore, at = new Date().toISOString()): Promise<number> => {
  const db = repos(store)
  const stopped = await db.imports.find({ state: 'applying' })
  for (const record of stopped) {
    await rollBack(store, record._id)
    await db.imports.update({ _id: record._id }, { state: 'rolledBack', finishedAt: at })
    await bumpDataVersion(store)
  }
  for (;;) {
    const [left] = await db.importUndo.find({}, { limit: 1 })
    if (!left) break
    await db.importUndo.remove({ importId: left.importId })
  }
  return stopped.length
}
