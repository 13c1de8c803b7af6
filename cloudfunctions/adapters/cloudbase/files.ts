import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as tcb from '@cloudbase/node-sdk'
import type { Files } from '../../core/imports/files'

/**
 * Cloud storage through node-sdk's downloadFile. The file goes to the function's /tmp first
 * (tempFilePath) so a large import streams from disk instead of arriving as one Buffer.
 */
export const cloudFiles = (app: tcb.CloudBase): Files => ({
  read: async (fileId) => {
    const path = join(tmpdir(), `shopmate-import-${randomUUID()}`)
    await app.downloadFile({ fileID: fileId, tempFilePath: path })
    return (async function* () {
      try {
        yield* createReadStream(path, { highWaterMark: 1 << 20 })
      } finally {
        await rm(path, { force: true })
      }
    })()
  },
})
