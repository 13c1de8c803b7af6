/**
 * WeChat rejects a whole subscribe message (errcode 47003) when one field is longer than its type
 * allows, and a reminder that never arrives is worse than a shortened one. The type is the key's
 * prefix: `thing3` is a thing, `character_string2` a character_string.
 */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
}

/** Only `thing` is free text; the other types accept no ellipsis character, so they are cut short. */
const ELLIPSIS_TYPES = new Set(['thing'])

export const fieldType = (key: string): string => key.replace(/\d+$/, '')

/** Counts characters as WeChat does (a Chinese character or an emoji is one), never splitting a pair. */
const cut = (value: string, max: number, ellipsis: boolean): string => {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('')
}

/** The same data with every value fitted to its field's limit; types without a length limit (time, date, amount) pass as they are. */
export const fitSubscribeData = (data: Readonly<Record<string, string>>): Record<string, string> => {
  const fitted: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    const type = fieldType(key)
    const max = FIELD_LIMITS[type]
    fitted[key] = max === undefined ? value : cut(value, max, ELLIPSIS_TYPES.has(type))
  }
  return fitted
}
