import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { Files } from '../../core/imports/files'

/** On a laptop a file id is a path (relative ones from `base`). */
export const localFiles = (base = process.cwd()): Files => ({
  read: async (fileId) => {
    const path = isAbsolute(fileId) ? fileId : resolve(base, fileId)
    await access(path)
    return createReadStream(path, { highWaterMark: 1 << 20 })
  },
})
