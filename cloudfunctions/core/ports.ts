import type { ReminderOffset } from '../contracts/vocabulary'
import type { Files } from './imports/files'
import type { ImportIo } from './imports/ports'
import type { RemindTickReport, TickShare } from '../contracts/results'
import type { MediaLinks } from './learning/ports'

/**
 * The only ways the core reaches the world. Adapters implement these: CloudBase in the cloud,
 * the embedded store, a settable clock and an outbox on a laptop and in tests.
 *
 * The store speaks a deliberately small MongoDB-style dialect that both @seald-io/nedb and the
 * CloudBase database can run natively: equality and the operators below on (dotted) fields.
 */

export type Scalar = string | number | boolean | null
export interface FieldOps {
  $in?: Scalar[]
  $ne?: Scalar
  $lt?: Scalar
  $lte?: Scalar
  $gt?: Scalar
  $gte?: Scalar
}
export type Filter = Record<string, Scalar | FieldOps>

export interface FindOptions {
  sort?: Record<string, 1 | -1>
  limit?: number
  skip?: number
}

export interface Doc {
  _id: string
}

/**
 * A server-side aggregation (CloudBase `aggregate()`, SQL `GROUP BY`): the documents matching a
 * filter grouped by the values of some fields, each group answered with its size, the sums of some
 * numeric fields, and fields read from its first document (smallest `_id`) — so a caller reads a
 * few numbers a group rather than every document whole.
 */
export interface GroupSpec {
  /**
   * (Dotted) fields whose values key a group. The first must hold a string or a number in every
   * matched document (groups are paged on it); the others may be missing (null).
   */
  by: readonly string[]
  /** (Dotted) fields added up over each group; a missing or non-numeric value adds 0. */
  sum?: readonly string[]
  /** (Dotted) fields taken from the group's document with the smallest `_id` (null when missing). */
  first?: readonly string[]
}

export interface Group {
  /** The values of `by`, in its order. */
  key: Scalar[]
  count: number
  /** By field name of `sum`. */
  sums: Record<string, number>
  /** By field name of `first`: any JSON value. */
  first: Record<string, unknown>
}

/**
 * Documents of another collection read together with a found document, in the same request
 * (CloudBase `aggregate()` with `lookup`; one read transaction in SQLite): a page's shop, its
 * settings and its newest guide cost one round trip, not one each.
 */
export interface Join {
  /** The collection the joined documents come from. */
  from: string
  /**
   * Correlates: only documents whose `foreign` field equals the found document's `local` field
   * (which must hold a string or a number). Absent: `where` alone picks them.
   */
  on?: { local: string; foreign: string }
  /** Conditions on the joined documents themselves, as in `find`. */
  where?: Filter
  sort?: Record<string, 1 | -1>
  limit?: number
  /**
   * Only these top-level fields of each joined document, and its `_id` (a field it lacks stays
   * absent): a page that needs a line of a large document does not carry the rest.
   */
  fields?: readonly string[]
}

/** A document found by `findOneWith`, with the documents of each join under its name. */
export interface WithJoined<T extends Doc, K extends string> {
  doc: T
  joined: Record<K, Doc[]>
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>
  find(filter: Filter, options?: FindOptions): Promise<T[]>
  count(filter: Filter): Promise<number>
  /** Inserts a new document; resolves false (and writes nothing) when the id or a unique field is taken. */
  insert(doc: T): Promise<boolean>
  /** Replaces the whole document with this id, creating it when absent. */
  put(doc: T): Promise<void>
  putMany(docs: T[]): Promise<void>
  /**
   * Sets fields on every document matching the filter and returns how many matched.
   * With an `_id` in the filter this is an atomic compare-and-set: the basis of every
   * exactly-once claim in the core. `add` adds to numeric (top-level) fields in the same write,
   * so one request can charge a page of consents.
   */
  update(filter: Filter, set: Partial<Omit<T, '_id'>>, add?: Record<string, number>): Promise<number>
  /** Atomically adds `by` to a numeric field, creating the document from `init` when absent; returns the new value. */
  increment(id: string, field: string, by: number, init: Omit<T, '_id'>): Promise<number>
  remove(filter: Filter): Promise<number>
  /** Every group of the matching documents (see GroupSpec), in ascending order of their keys. */
  group(filter: Filter, spec: GroupSpec): Promise<Group[]>
  /** The first document matching the filter (in `_id` order) and, in the same read, its joins; null when none matches. */
  findOneWith<K extends string>(filter: Filter, joins: Record<K, Join>): Promise<WithJoined<T, K> | null>
}

export interface IndexSpec {
  field: string
  unique?: boolean
  /**
   * Top-level fields the index also holds, so that a read of only them (`fields`) through it never
   * opens the documents: SQLite makes it a covering index. CloudBase and nedb index `field` alone.
   */
  carries?: readonly string[]
}

export interface DocumentStore {
  collection<T extends Doc>(name: string): Collection<T>
}

export interface Clock {
  now(): Date
}

/**
 * What a subscribe message says, as facts: the notifier writes it in the template's fields
 * (`cloudfunctions/words/subscribe.ts`), so the core never holds the words.
 */
export interface OrderReminderContent {
  template: 'orderReminder'
  shopName: string
  /** When the cycle closes (epoch ms). */
  closesAt: number
  /** owner: the retailer; helper: a helper told the retailer has not ordered yet. */
  role: 'owner' | 'helper'
  offset: ReminderOffset
  /** How long is really left when it is sent. */
  msLeft: number
}
/** A new monthly guide (客户数字经营指导书): at most one message a shop and month. */
export interface MonthlyGuideContent {
  template: 'monthlyGuide'
  shopName: string
  /** The guide's month, YYYY-MM. */
  month: string
  /** The first strategy's title; null when none matched. */
  strategyTitle: string | null
}
export type SubscribeContent = OrderReminderContent | MonthlyGuideContent

/** A WeChat subscribe message for the notifier to send. */
export interface SubscribeMessage {
  /** Idempotency key: one key is delivered at most once by any notifier that can tell (the outbox can). */
  key: string
  toOpenId: string
  page: string
  content: SubscribeContent
}

export type SendOutcome = { ok: true } | { ok: false; reason: 'NO_CONSENT' | 'FAILED'; detail?: string }

export interface Notifier {
  send(message: SubscribeMessage): Promise<SendOutcome>
  /**
   * True when re-sending a key delivers nothing new (the outbox). WeChat has no such key, so a
   * notifier over it leaves this unset and the core's sends ledger keeps it at most once.
   */
  readonly dedupesByKey?: boolean
  /**
   * The WeChat template id this notifier sends a template with: the functions' configuration is
   * its only source, and the app asks consent for exactly this id. Absent or undefined: none (the
   * local outbox, or a deployment not yet configured).
   */
  templateId?(template: SubscribeContent['template']): string | undefined
}

/** Turns the code from WeChat's getPhoneNumber button into the verified phone number. */
export interface PhoneVerifier {
  phoneFromCode(code: string): Promise<string | null>
}


/** Randomness and hashing, which the core may not take from node:crypto itself. */
export interface Tokens {
  /** A URL-safe random token carrying at least 128 bits (share-card invites). */
  randomToken(): string
  /** INVITE_CODE_LENGTH random characters of INVITE_CODE_ALPHABET. */
  randomCode(): string
  /** Lower-case hex SHA-256 of the UTF-8 string: invites are stored only hashed. */
  hash(value: string): string
}

/**
 * Runs of the reminder timer started beside this one, each over a share of the instant's due
 * shops (in CloudBase: the function invoking itself; on a laptop: in the same process).
 */
export interface TickWorkers {
  remindTick(share: TickShare): Promise<RemindTickReport>
}

/**
 * Where an import in chunks goes on: the next chunk started in another invocation (in CloudBase:
 * the `importChunk` timer function invoked by this one; its own trigger picks up what is missed).
 */
export interface ImportWorkers {
  next(importId: string): Promise<void>
}

export interface Deps {
  /** Where an import in chunks goes on; absent (a laptop): an import runs in one go. */
  imports?: ImportWorkers
  /** Where the reminder timer can fan out; absent: one run does what it can and leaves the rest due. */
  workers?: TickWorkers
  /** Uploaded files, read by the company-side import; absent where nothing can be uploaded. */
  files?: Files
  /** Reads an uploaded file's bytes as an import (CSV, staging, ids); present with `files`. */
  importIo?: (bytes: AsyncIterable<Uint8Array>) => ImportIo
  /** URLs for 学习's media (cover, video, captions, photos, panoramas); absent: only HTTPS references have one. */
  media?: MediaLinks
  store: DocumentStore
  clock: Clock
  notifier: Notifier
  phones: PhoneVerifier
  tokens: Tokens
}
