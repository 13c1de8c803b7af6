import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { CsvFormatError, CsvReader, MAX_RECORD_CHARS } from '../../cloudfunctions/adapters/node/csv'

/** The importer's CSV reader, checked against csv-parse (the reader it replaced, with the options the importer used). */

const ours = (pieces: readonly string[]): string[][] => {
  const records: string[][] = []
  const reader = new CsvReader((fields) => records.push(fields))
  for (const piece of pieces) reader.write(piece)
  reader.end()
  return records
}
const theirs = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: true })

/** A text cut at the given places, as a stream would hand it over. */
const cut = (text: string, at: readonly number[]): string[] => {
  const marks = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b)
  return [...marks, text.length].map((end, i) => text.slice(i === 0 ? 0 : marks[i - 1], end))
}

const field = (breaks: boolean) =>
  fc.array(fc.constantFrom('a', '7', ' ', '零', '售', ',', '"', ...(breaks ? ['\n', '\r\n'] : [])), { maxLength: 8 }).map((chars) => chars.join(''))
/** A field written as Excel would: quoted when it must be, and now and then when it need not be. */
const written = (value: string, quoteAnyway: boolean): string =>
  quoteAnyway || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value

const file = (lineEnd: string, breaks: boolean) =>
  fc
    .array(fc.array(fc.tuple(field(breaks), fc.boolean()), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 })
    .chain((records) =>
      fc.record({
        text: fc.boolean().map((endsWithBreak) => records.map((r) => r.map(([v, q]) => written(v, q)).join(',')).join(lineEnd) + (endsWithBreak ? lineEnd : '')),
        cuts: fc.array(fc.nat(), { maxLength: 6 }),
      }),
    )

describe('CsvReader', () => {
  it.each([
    ['CRLF', '\r\n', true],
    ['LF', '\n', true],
    ['bare CR', '\r', false],
  ])('reads %s files as csv-parse does, however the text is cut', (_name, lineEnd, breaks) =>
    fc.assert(fc.property(file(lineEnd, breaks), ({ text, cuts }) => expect(ours(cut(text, cuts))).toEqual(theirs(text))), { numRuns: 1000 }))

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () =>
    expect(ours(['license_no,shop_name\r\n', '310101000001,"老王,""好运""\r\n便利店"\r\n', '\r\n310101000002,x'])).toEqual([
      ['license_no', 'shop_name'],
      ['310101000001', '老王,"好运"\r\n便利店'],
      ['310101000002', 'x'],
    ]))

  it('tells bare-CR lines from CRLF only once a line end is whole, across pieces', () => {
    expect(ours(['\r', 'a'])).toEqual([['a']])
    expect(ours(['a,b\r', '\nc,d\r\n'])).toEqual([['a', 'b'], ['c', 'd']])
    expect(ours(['a,b\r', 'c,d\r'])).toEqual([['a', 'b'], ['c', 'd']])
  })

  const broken = (pieces: string[]): CsvFormatError => {
    try {
      ours(pieces)
    } catch (error) {
      if (error instanceof CsvFormatError) return error
      throw error
    }
    throw new Error('no error')
  }

  it('refuses a quote never closed, naming the line the record began on', () => {
    const error = broken(['a,b\n1,2\n3,"4\n', '5,6\n'])
    expect([error.problem, error.line]).toEqual(['unclosedQuote', 3])
  })

  it('refuses text after a closing quote and a quote inside an unquoted field', () => {
    expect([broken(['a,b\n"x"y,2\n']).line, broken(['a,b\n"x"y,2\n']).problem]).toEqual([2, 'textAfterQuote'])
    expect([broken(['a,b\r\n\r\n1,x"y\r\n']).line, broken(['a,b\r\n\r\n1,x"y\r\n']).problem]).toEqual([3, 'quoteInsideField'])
  })

  it('stops at a record longer than any real one instead of holding the whole file', () => {
    const reader = new CsvReader(() => undefined)
    reader.write('a\n"')
    const piece = 'x'.repeat(64 * 1024)
    let thrown: unknown = null
    try {
      for (let i = 0; i * piece.length <= MAX_RECORD_CHARS; i++) reader.write(piece)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CsvFormatError)
    expect((thrown as CsvFormatError).line).toBe(2)
  })
})
