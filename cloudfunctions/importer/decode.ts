import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'

/**
 * Files come from Excel as often as from systems: UTF-8 with or without a BOM, GBK (Excel's
 * "CSV" on a Chinese Windows), or UTF-16 ("Unicode text"). The encoding is told from the first
 * bytes: a BOM decides; otherwise valid UTF-8 stays UTF-8 and anything else is read as GB18030,
 * the superset of GBK.
 */
export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be'

/** How many leading bytes the guess looks at. */
export const SNIFF_BYTES = 64 * 1024

export const sniffEncoding = (head: Uint8Array): Encoding => {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be'
  try {
    // `stream: true` lets a character cut at the end of the sample pass as unfinished, not invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return 'utf8'
  } catch {
    return 'gb18030'
  }
}

export interface Decoded {
  encoding: Encoding
  /** Set once UTF-8 text turned out to hold bytes that are not UTF-8 (a GBK file with an ASCII start). */
  invalid: boolean
}

/**
 * UTF-8 bytes from any accepted encoding, the BOM dropped. UTF-8 passes through untouched — the
 * CSV parser reads bytes, and decoding a million rows only to encode them again would cost more
 * than parsing them.
 */
export async function* toUtf8(chunks: AsyncIterable<Uint8Array>, seen: Partial<Decoded> = {}): AsyncGenerator<Buffer> {
  const head: Buffer[] = []
  let size = 0
  let pass: ((bytes: Buffer) => Buffer) | null = null
  let finish: () => Buffer | null = () => null
  const start = (): Buffer => {
    const sample = Buffer.concat(head)
    const encoding = sniffEncoding(sample)
    seen.encoding = encoding
    seen.invalid = false
    if (encoding === 'utf8') {
      const check = new TextDecoder('utf-8', { fatal: true })
      pass = (bytes) => {
        // isUtf8 is a fast scan; a chunk cut inside a character needs the streaming decoder to tell.
        if (!seen.invalid && !isUtf8(bytes)) {
          try {
            check.decode(bytes, { stream: true })
          } catch {
            seen.invalid = true
          }
        }
        return bytes
      }
      const first = pass(sample)
      return first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? first.subarray(3) : first
    }
    const decoder = iconv.getDecoder(encoding, { stripBOM: true })
    pass = (bytes) => Buffer.from(decoder.write(bytes), 'utf8')
    finish = () => {
      const rest = decoder.end()
      return rest ? Buffer.from(rest, 'utf8') : null
    }
    return pass(sample)
  }
  for await (const chunk of chunks) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    if (pass) {
      yield (pass as (bytes: Buffer) => Buffer)(bytes)
      continue
    }
    head.push(bytes)
    size += bytes.length
    if (size >= SNIFF_BYTES) yield start()
  }
  if (!pass) yield start()
  const rest = finish()
  if (rest) yield rest
}
