import type * as tcb from '@cloudbase/node-sdk'
import type { MediaLinks } from '../../core/learning/ports'

/** How long a temporary URL lives, and how long this container hands out one it already has. */
const URL_SECONDS = 2 * 60 * 60
const REUSE_MS = 60 * 60 * 1000
/** getTempFileURL takes at most 50 files a call. */
const PER_CALL = 50

/**
 * 学习's media in CloudBase: cloud file ids (`cloud://…`) become temporary HTTPS URLs, kept for an hour in
 * the container so a course list does not ask for the same covers on every call. A media-folder path has
 * no meaning in the cloud: null.
 */
export const cloudMediaLinks = (app: () => tcb.CloudBase): MediaLinks => {
  const kept = new Map<string, { url: string | null; until: number }>()
  return {
    urls: async (refs) => {
      const now = Date.now()
      const out = new Map<string, string | null>()
      const wanted: string[] = []
      for (const ref of refs) {
        const known = kept.get(ref)
        if (!ref.startsWith('cloud://')) out.set(ref, null)
        else if (known && known.until > now) out.set(ref, known.url)
        else wanted.push(ref)
      }
      for (let i = 0; i < wanted.length; i += PER_CALL) {
        const { fileList } = await app().getTempFileURL({ fileList: wanted.slice(i, i + PER_CALL).map((fileID) => ({ fileID, maxAge: URL_SECONDS })) })
        for (const file of fileList) {
          const url = file.code === 'SUCCESS' && file.tempFileURL ? file.tempFileURL : null
          kept.set(file.fileID, { url, until: now + REUSE_MS })
          out.set(file.fileID, url)
        }
      }
      for (const ref of wanted) if (!out.has(ref)) out.set(ref, null)
      return out
    },
  }
}
