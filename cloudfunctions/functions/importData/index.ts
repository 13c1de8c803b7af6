import { callable } from '../define'
import { fail } from '../../core/errors'
import { importFile } from '../../core/imports/run'
import { CLOUD_CHUNK, startNextChunk } from '../../core/imports/chunks'

/** Openids allowed to import, from the function's configuration: ADMIN_OPENIDS, comma separated. */
export const adminOpenIds = (value = process.env.ADMIN_OPENIDS ?? ''): Set<string> =>
  new Set(value.split(',').map((id) => id.trim()).filter(Boolean))

/**
 * The company side's import: the same formats and checks as `npm run import`, reading a CSV the
 * admin uploaded to cloud storage. In CloudBase, shop data, the register, the SKUs and the calendar go in chunks: the first
 * here, the rest in `importChunk` (the answer then says `continues`; the journal record shows the end). Bad rows are listed in the answer (with skipInvalid, the good
 * rows are imported and the bad ones only listed: there is no folder to write them next to).
 */
export default callable({
  name: 'importData',
  // A million-row file: about a minute of work and 250 MB at peak on a laptop, far more against a
  // remote database; CloudBase's longest timeout and room to spare.
  timeoutSeconds: 900,
  memoryMB: 1024,
  run: async ({ kind, fileId, skipInvalid }, { deps, caller }) => {
    if (!adminOpenIds().has(caller)) return fail('FORBIDDEN', 'adminOnly')
    const { files, importIo } = deps
    if (!files || !importIo) return fail('INTERNAL', 'filesUnconfigured')
    const bytes = await files.read(fileId).catch(() => fail('NOT_FOUND', 'fileMissing'))
    // Where chunks can go on elsewhere (CloudBase), shop data, the register, the SKUs and the calendar go in chunks.
    const report = await importFile({ store: deps.store, kind, ...importIo(bytes), file: fileId, skipInvalid, now: deps.clock.now(), ...(deps.imports ? { chunk: CLOUD_CHUNK } : {}) })
    if (report.continues) await startNextChunk(deps, report.continues.importId)
    return report
  },
})
