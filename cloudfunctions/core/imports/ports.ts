/**
 * What an import needs from the world, and nothing more: the core checks and applies records; it
 * never sees bytes, encodings, files or folders. The Node adapters (adapters/node) implement these
 * on a laptop and in a cloud function alike.
 */

import type { CsvProblem, RowProblem } from '../../contracts/insights'
import type { MediaIndex } from '../learning/catalogue'

/** One CSV record: its fields as text, untrimmed. */
export type SourceRecord = readonly string[]

/**
 * The records of one file, read as its bytes arrive. The first record is the header; a file
 * without one yields no record at all.
 */
export interface ImportSource {
  /**
   * The records in file order, in batches (one per piece of the file read), so a million-row file
   * does not pay an `await` per row. Throws a FileFormatError where the file's structure breaks,
   * after yielding the records before the break.
   */
  readonly records: AsyncIterable<readonly SourceRecord[]>
  /** Bytes read so far: how far the reading is. */
  readonly bytesRead: number
  /**
   * True once the text turned out to hold bytes of no accepted encoding (they read as U+FFFD);
   * tells the check that such characters are damage, not data.
   */
  readonly undecodable: boolean
  /** Lower-case hex SHA-256 of the bytes read, asked once the records are read. */
  sha256(): string
}

/** A file whose structure is broken (an unclosed quote, …): every later row is doubtful. */
export class FileFormatError extends Error {
  constructor(
    readonly problem: CsvProblem,
    /** The line (1-based, as an editor counts them) where the broken record begins. */
    readonly line: number,
  ) {
    super(`${problem} at line ${line}`)
  }
}

/** A file whose bytes are text in none of the accepted encodings (UTF-8, GBK/GB18030, UTF-16 with a BOM). */
export class UnknownEncoding extends Error {
  constructor() {
    super('unknown encoding')
  }
}

/** Where bad rows are set aside with their problems (skipInvalid), for the person to fix them. */
export interface RejectedRows {
  /** How the report names it (on a laptop: the file's path). */
  readonly name: string
  /** The file's header, first. */
  header(fields: readonly string[]): void
  /** A bad row, with its row number and what is wrong with it. */
  add(fields: readonly string[], row: number, problems: readonly RowProblem[]): void
  /** Runs between batches: writes what waits, when enough does. */
  flush(): Promise<void>
  close(): Promise<void>
}

/**
 * The good rows of a file that is checked whole before anything is written (the register, the
 * catalogue, the calendar), parked outside memory until then, one line of text each.
 */
export interface Staging {
  add(line: string): void
  /** No more lines come. */
  close(): void
  /** Every line, in batches, in the order added. */
  batches(): AsyncIterable<string[]>
  /** Forgets every line; safe to call more than once, and after a failure. */
  remove(): Promise<void>
}

/** The world as one import sees it. */
export interface ImportIo {
  source: ImportSource
  /** Opens an empty staging area (retailers, SKUs and calendar imports only). */
  staging(): Promise<Staging>
  /** Where bad rows go with skipInvalid; absent: they are only reported. */
  rejected?: RejectedRows
  /** A new unique id, for the import's journal record. */
  newId(): string
  /** What the 学习 catalogues' media references are checked against; absent: their shape only. */
  media?: CatalogueMedia
}

/**
 * What the media references of a catalogue can be checked against. On a laptop: the files of the data
 * folder's `media/` and the text of the captions there; in the cloud: no folder (a plain path is refused)
 * and the text of captions given as cloud file ids.
 */
export interface CatalogueMedia {
  /** `captions`: the captions references of the file, to read when they can be read. */
  index(captions: readonly string[]): Promise<MediaIndex>
}
