/**
 * One chunk of an import in a process of its own, for the chunk test: against the SQLite data
 * folder DATA_DIR, with the file at FILE, chunks of ROWS rows. MODE=first starts the import;
 * MODE=next does the next chunk of the waiting one. It prints its report as one JSON line and
 * then, with DIE=1, kills itself (SIGKILL) — a container that ends between two chunks.
 */
import { createReadStream } from 'node:fs'
import { SqliteStore } from '../../../cloudfunctions/adapters/sqlite/store'
import { nodeImportIo } from '../../../cloudfunctions/adapters/node/importIo'
import { continueImport, importFile } from '../../../cloudfunctions/core/imports/run'

const main = async (): Promise<void> => {
  const store = await new SqliteStore(process.env.DATA_DIR as string, { log: () => undefined }).open()
  const file = process.env.FILE as string
  const chunk = { rows: Number(process.env.ROWS) }
  const now = new Date(process.env.NOW as string)
  const report =
    process.env.MODE === 'first'
      ? await importFile({ store, kind: 'sales', ...nodeImportIo(createReadStream(file)), file, now, chunk })
      : ((await continueImport({ store, open: async (path) => nodeImportIo(createReadStream(path)), now, chunk }))?.report ?? null)
  process.stdout.write(`${JSON.stringify(report)}\n`)
  if (process.env.DIE === '1') process.kill(process.pid, 'SIGKILL')
  store.close()
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error), code: (error as { code?: unknown }).code ?? null, reason: (error as { reason?: unknown }).reason ?? null })}\n`)
  process.exitCode = 1
})
