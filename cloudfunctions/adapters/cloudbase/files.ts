import type { Files } from '../../core/imports/files'

/** What node-sdk's getTempFileURL answers per file (its IFileUrlInfo). */
export interface TempFileUrl {
  code?: string
  fileID?: string
  tempFileURL?: string
}

export interface CloudFilesPorts {
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: TempFileUrl[] }>
  /** The WHATWG fetch of Node 18+ (a test passes its own). */
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; body: AsyncIterable<Uint8Array> | null }>
}

/** Seconds a download link stays valid: an import reads its file within one invocation. */
const LINK_SECONDS = 3600

/**
 * Cloud storage, streamed. node-sdk 3.18's `downloadFile({ tempFilePath })` resolves as soon as
 * the response headers arrive, while the body is still being piped to disk: a reader opened then
 * sees a file cut short (half an import, or a "bad row" that is only the end of what arrived).
 * So the file is fetched by its temporary HTTPS link and its body handed to the reader as it
 * arrives: nothing waits for the whole file, nothing is written to /tmp, and the end of the
 * stream is the end of the file.
 */
export const cloudFiles = ({ getTempFileURL, fetch = globalThis.fetch as unknown as NonNullable<CloudFilesPorts['fetch']> }: CloudFilesPorts): Files => ({
  read: async (fileId) => {
    const { fileList = [] } = await getTempFileURL({ fileList: [{ fileID: fileId, maxAge: LINK_SECONDS }] })
    const link = fileList[0]
    if (!link || (link.code !== undefined && link.code !== 'SUCCESS') || !link.tempFileURL) {
      throw new Error(`no download link for ${fileId}: ${link?.code ?? 'no answer'}`)
    }
    // As node-sdk's own downloadFile does: the link may hold characters a URL must escape.
    const response = await fetch(encodeURI(link.tempFileURL))
    if (!response.ok || !response.body) throw new Error(`download of ${fileId} failed: HTTP ${response.status}`)
    return response.body
  },
})
