/**
 * Names people type (a helper's name) reach other people's screens, so they are normalised (NFC:
 * one spelling of each character) and refused when they hold characters that are not text: control
 * characters, format characters (bidi overrides and isolates that reorder what follows, zero-width
 * spaces and joiners), lone surrogates, private-use and unassigned code points, line separators.
 */
const NOT_TEXT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u

/** The name as stored: NFC and trimmed; null when it holds a character that is not text. */
export const normalName = (raw: string): string | null => {
  if (NOT_TEXT.test(raw)) return null
  return raw.normalize('NFC').trim()
}

export const NAME_REFUSED = '名字里有不能显示的字符'
