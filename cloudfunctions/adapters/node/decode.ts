import { isUtf8 } from 'node:buffer'
import { StringDecoder } from 'node:string_decoder'
import iconv from 'iconv-lite'
import { UnknownEncoding } from '../../core/imports/ports'

/**
 * Files come from Excel as often as from systems: UTF-8 with or without a BOM, GBK (Excel's
 * "CSV" on a Chinese Windows), or UTF-16 ("Unicode text", which Excel writes with a BOM). The
 * encoding is told from the first bytes: a BOM decides; otherwise valid UTF-8 stays UTF-8 and
 * valid GB18030 (the superset of GBK) is read as that. Anything else — a NUL byte (UTF-16 without
 * its BOM, a spreadsheet's .xlsx, any binary file) or bytes no GB18030 text holds — is refused
 * as an unknown encoding (UnknownEncoding), never read as a header that lacks every column.
 */
export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be'

/** How many leading bytes the guess looks at. */
export const SNIFF_BYTES = 64 * 1024

export const sniffEncoding = (head: Uint8Array): Encoding => {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be'
  if (head.includes(0)) throw new UnknownEncoding()
  try {
    // `stream: true` lets a character cut at the end of the sample pass as unfinished, not invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return 'utf8'
  } catch {
    if (isGb18030(head)) return 'gb18030'
    throw new UnknownEncoding()
  }
}

const within = (byte: number | undefined, low: number, high: number): boolean => byte !== undefined && byte >= low && byte <= high

/**
 * Whether the bytes are GB18030 text: ASCII, two-byte characters (lead 81–FE, trail 40–7E or
 * 80–FE) and four-byte ones (81–FE 30–39 81–FE 30–39). A character cut at the end of the sample
 * passes as unfinished.
 */
export const isGb18030 = (bytes: Uint8Array): boolean => {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]
    if (lead < 0x80) {
      at++
      continue
    }
    if (!within(lead, 0x81, 0xfe)) return false
    const second = bytes[at + 1]
    if (second === undefined) return true
    if (within(second, 0x40, 0x7e) || within(second, 0x80, 0xfe)) {
      at += 2
      continue
    }
    if (!within(second, 0x30, 0x39)) return false
    for (const [offset, low, high] of [[2, 0x81, 0xfe], [3, 0x30, 0x39]] as const) {
      const byte = bytes[at + offset]
      if (byte === undefined) return true
      if (!within(byte, low, high)) return false
    }
    at += 4
  }
  return true
}

export interface Decoded {
  encoding: Encoding
  /** Set once UTF-8 text turned out to hold bytes that are not UTF-8 (a GBK file with an ASCII start). */
  invalid: boolean
}

/**
 * Text is handed on in pieces of at most this many bytes: a larger string is a "large object" to
 * V8, which frees it only in a full collection, and a million-row file would pile up its pieces.
 */
const PIECE_BYTES = 64 * 1024

/**
 * The text of a file in any accepted encoding, piece by piece, the BOM dropped. UTF-8 is checked
 * with a fast byte scan and decoded by Node; a character cut between two pieces is kept whole.
 */
export async function* toText(chunks: AsyncIterable<Uint8Array>, seen: Partial<Decoded> = {}): AsyncGenerator<string> {
  const head: Buffer[] = []
  let size = 0
  let decode: ((bytes: Buffer) => string) | null = null
  let finish: () => string = () => ''
  const start = (): string => {
    const sample = Buffer.concat(head)
    const encoding = sniffEncoding(sample)
    seen.encoding = encoding
    seen.invalid = false
    if (encoding === 'utf8') {
      const check = new TextDecoder('utf-8', { fatal: true })
      const text = new StringDecoder('utf8')
      decode = (bytes) => {
        // isUtf8 is a fast scan; a chunk cut inside a character needs the streaming decoder to tell.
        if (!seen.invalid && !isUtf8(bytes)) {
          try {
            check.decode(bytes, { stream: true })
          } catch {
            seen.invalid = true
          }
        }
        return text.write(bytes)
      }
      finish = () => text.end()
    } else {
      const decoder = iconv.getDecoder(encoding, { stripBOM: true })
      decode = (bytes) => decoder.write(bytes)
      finish = () => decoder.end() ?? ''
    }
    const first = decode(sample)
    return first.charCodeAt(0) === 0xfeff ? first.slice(1) : first
  }
  for await (const chunk of chunks) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    if (decode) {
      for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield (decode as (bytes: Buffer) => string)(bytes.subarray(at, at + PIECE_BYTES))
      continue
    }
    head.push(bytes)
    size += bytes.length
    if (size >= SNIFF_BYTES) yield start()
  }
  if (!decode) yield start()
  const rest = finish()
  if (rest) yield rest
}
