import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** What the media folder holds: 学习's videos, captions, covers, photos and panoramas. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
}

/** A single `bytes=` range of a file of `size` bytes: [start, end] inclusive; null: unsatisfiable; undefined: none asked. */
export const byteRange = (header: string | undefined, size: number): { start: number; end: number } | null | undefined => {
  if (header === undefined) return undefined
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  // Several ranges (or another unit) are answered with the whole file, as the spec allows.
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  if (m[1] === '') {
    const last = Number(m[2])
    return last === 0 || size === 0 ? null : { start: Math.max(0, size - last), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  return start >= size || end < start ? null : { start, end }
}

/**
 * GET/HEAD /media/<path>: a file of the data folder's media folder, streamed (a video is never read
 * whole) with HTTP Range support, so a browser can seek in a course video and start where its viewer
 * stopped. Resolves false when there is no such file.
 */
export const serveMedia = async (req: IncomingMessage, res: ServerResponse, mediaDir: string, urlPath: string): Promise<boolean> => {
  const root = normalize(mediaDir)
  let relativePath: string
  try {
    relativePath = decodeURIComponent(urlPath)
  } catch {
    return false
  }
  const file = normalize(join(root, relativePath))
  if (!file.startsWith(root + sep)) return false
  const type = MEDIA_TYPES[extname(file).toLowerCase()]
  const info = type ? await stat(file).catch(() => null) : null
  if (!type || !info?.isFile()) return false
  const headers = {
    'content-type': type,
    'accept-ranges': 'bytes',
    // An import may replace a file under the same name: revalidate, by its size and time.
    'cache-control': 'no-cache',
    'last-modified': info.mtime.toUTCString(),
    etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
  }
  if (req.headers['if-none-match'] === headers.etag) {
    res.writeHead(304, headers).end()
    return true
  }
  const range = byteRange(typeof req.headers.range === 'string' ? req.headers.range : undefined, info.size)
  if (range === null) {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${info.size}` }).end()
    return true
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 }
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'content-length': Math.max(0, end - start + 1),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${info.size}` } : {}),
  })
  if (req.method === 'HEAD' || info.size === 0) {
    res.end()
    return true
  }
  const stream = createReadStream(file, { start, end })
  stream.on('error', () => res.destroy())
  stream.pipe(res)
  return true
}
