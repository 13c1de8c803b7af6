import { FileFormatError } from '../../core/imports/ports'

/**
 * The CSV records of a text that arrives in pieces (RFC 4180: `,` between fields, `"` around a
 * field that holds commas, quotes or line breaks, `""` for a quote inside one; CRLF, LF or CR
 * line ends). Empty lines make no record.
 *
 * Why not a library: csv-parse, the usual choice, looks at every character through a general
 * state machine and reads about 400,000 rows a second here, which alone was most of a sales
 * import's time. Nearly every line of a POS export has no quote, so this reader finds line ends
 * and commas with `indexOf` and only walks character by character through a record that has one.
 * test/imports/csv.test.ts checks it against csv-parse on generated files.
 */

/** A record longer than this is a quote never closed, not data: stop before it eats the memory. */
export const MAX_RECORD_CHARS = 1 << 20

/** The core's FileFormatError, so the check refuses the file and names the line. */
export class CsvFormatError extends FileFormatError {}

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13
/** Returned by the record readers when the text ends before the record does. */
const UNFINISHED = -1

/**
 * Whether the text's first line end is a bare CR; null while it cannot tell yet (no line end, or
 * a CR at the very end that may be half of a CRLF), unless the text is all there is.
 */
const bareCrLines = (text: string, whole = false): boolean | null => {
  const lf = text.indexOf('\n')
  const cr = text.indexOf('\r')
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 && !whole ? null : false
  if (cr + 1 === text.length) return whole ? true : null
  return text.charCodeAt(cr + 1) !== LF
}

export class CsvReader {
  /** The text of a record not finished by the pieces so far. */
  private rest = ''
  /** Line where the next record begins. */
  private line = 1
  /** A file whose lines end in a bare CR (old Mac Excel): told from the first line end seen. */
  private crLines: boolean | null = null

  constructor(private readonly onRecord: (fields: string[]) => void) {}

  /** Reads the records the text completes; throws CsvFormatError for a broken structure. */
  write(piece: string): void {
    const text = this.rest + piece
    if (this.crLines === null) this.crLines = bareCrLines(text)
    this.rest = this.read(this.crLines ? text.replace(/\r/g, '\n') : text, false)
    if (this.rest.length > MAX_RECORD_CHARS) throw new CsvFormatError('recordTooLong', this.line)
  }

  /** Reads the last record; throws CsvFormatError if it is unfinished. */
  end(): void {
    this.read((this.crLines ?? bareCrLines(this.rest, true)) ? this.rest.replace(/\r/g, '\n') : this.rest, true)
    this.rest = ''
  }

  /** Reads every finished record of `text`; answers the unfinished tail. */
  private read(text: string, last: boolean): string {
    let at = 0
    let quote = text.indexOf('"')
    while (at < text.length) {
      let end = text.indexOf('\n', at)
      if (end === -1) {
        if (!last) break
        end = text.length
      }
      if (quote !== -1 && quote < at) quote = text.indexOf('"', at)
      if (quote === -1 || quote >= end) {
        this.plain(text, at, end)
        at = end + 1
        continue
      }
      const next = this.quoted(text, at, last)
      if (next === UNFINISHED) break
      at = next
    }
    return at >= text.length ? '' : text.slice(at)
  }

  /** A record without quotes from `at` to the line end `end`. */
  private plain(text: string, at: number, end: number): void {
    const stop = end > at && text.charCodeAt(end - 1) === CR ? end - 1 : end
    this.line++
    if (stop === at) return
    const fields: string[] = []
    for (let comma = text.indexOf(',', at); comma !== -1 && comma < stop; comma = text.indexOf(',', at)) {
      fields.push(text.slice(at, comma))
      at = comma + 1
    }
    fields.push(text.slice(at, stop))
    this.onRecord(fields)
  }

  /** A record with a quote somewhere, character by character; answers where the next begins. */
  private quoted(text: string, at: number, last: boolean): number {
    const fields: string[] = []
    let lines = 0
    for (;;) {
      let value = ''
      if (text.charCodeAt(at) === QUOTE) {
        let from = at + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1 || (close + 1 === text.length && !last)) {
            if (last) throw new CsvFormatError('unclosedQuote', this.line)
            return UNFINISHED
          }
          value += text.slice(from, close)
          if (text.charCodeAt(close + 1) !== QUOTE) {
            at = close + 1
            break
          }
          value += '"'
          from = close + 2
        }
        for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) lines++
        const after = text.charCodeAt(at)
        if (at < text.length && after !== COMMA && after !== LF && after !== CR) throw new CsvFormatError('textAfterQuote', this.line + lines)
      } else {
        let end = at
        for (let c = text.charCodeAt(end); end < text.length && c !== COMMA && c !== LF && c !== CR; c = text.charCodeAt(++end)) {
          if (c === QUOTE) throw new CsvFormatError('quoteInsideField', this.line + lines)
        }
        value = text.slice(at, end)
        at = end
      }
      fields.push(value)
      const c = text.charCodeAt(at)
      if (c === COMMA) {
        at++
        continue
      }
      if (c === CR && at + 1 === text.length && !last) return UNFINISHED
      if (at >= text.length && !last) return UNFINISHED
      // The record ends here: at CRLF, LF, a bare CR or the end of the text.
      at += c === CR && text.charCodeAt(at + 1) === LF ? 2 : at < text.length ? 1 : 0
      this.line += lines + 1
      this.onRecord(fields)
      return at
    }
  }
}
