import type { Cue, VttResult } from '../../contracts/learning'

/**
 * A WebVTT reader for the captions the player draws over Taro's `Video` (which has no track support).
 * It refuses what is not WebVTT (an SRT file, a text file) instead of guessing: the signature line, then
 * blocks separated by blank lines; NOTE, STYLE and REGION blocks are skipped; a cue is an optional
 * identifier line, a timing line `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]` and its text.
 */
const SIGNATURE = /^WEBVTT(?:[ \t].*)?$/
const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/

const seconds = (stamp: string): number | null => {
  const m = TIMESTAMP.exec(stamp)
  if (!m) return null
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000
}

export const parseWebVtt = (text: string): VttResult => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (!SIGNATURE.test(lines[0] ?? '')) return { ok: false, code: 'notWebVtt', line: 1 }
  const cues: Cue[] = []
  let at = 1
  // The header runs to the first blank line.
  while (at < lines.length && lines[at] !== '') at++
  while (at < lines.length) {
    while (at < lines.length && lines[at] === '') at++
    if (at >= lines.length) break
    const start = at
    const block: string[] = []
    while (at < lines.length && lines[at] !== '') block.push(lines[at++])
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0])) continue
    const timingAt = block[0].includes('-->') ? 0 : 1
    const timing = TIMING.exec(block[timingAt] ?? '')
    const startS = timing ? seconds(timing[1]) : null
    const endS = timing ? seconds(timing[2]) : null
    if (startS === null || endS === null) return { ok: false, code: 'badTiming', line: start + timingAt + 1 }
    if (endS <= startS) return { ok: false, code: 'endBeforeStart', line: start + timingAt + 1 }
    cues.push({ id: timingAt === 1 ? block[0] : null, startS, endS, text: block.slice(timingAt + 1).join('\n') })
  }
  return { ok: true, cues }
}

/** The cues showing at `timeS` (start inclusive, end exclusive), in file order. */
export const cuesAt = (cues: readonly Cue[], timeS: number): Cue[] => cues.filter((c) => c.startS <= timeS && timeS < c.endS)
