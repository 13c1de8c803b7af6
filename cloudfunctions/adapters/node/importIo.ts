import { randomUUID } from 'node:crypto'
import type { CatalogueMedia, ImportIo } from '../../core/imports/ports'
import { csvSource } from './csvSource'
import { FileStaging } from './staging'
import { RejectedRowsFile } from './rejectedRows'

/**
 * Everything an import needs from Node around a file's bytes: the CSV source, staging in a
 * temporary folder, ids, (with `rejectedPath`) the file bad rows are set aside in, and (with `media`)
 * what the 学习 catalogues' media references are checked against.
 * Spread into the core's importFile options.
 */
export const nodeImportIo = (
  bytes: AsyncIterable<Uint8Array>,
  { rejectedPath, media }: { rejectedPath?: string; media?: CatalogueMedia } = {},
): ImportIo => ({
  source: csvSource(bytes),
  staging: () => FileStaging.create(),
  ...(rejectedPath ? { rejected: new RejectedRowsFile(rejectedPath) } : {}),
  newId: () => randomUUID(),
  ...(media ? { media } : {}),
})
