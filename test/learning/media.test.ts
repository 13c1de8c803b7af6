import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseWebVtt } from '../../cloudfunctions/core/learning'

/**
 * The committed demo media are what the catalogues promise: real MP4s (H.264 + AAC) of 30–90 s with
 * captions that parse and stay inside the video, small enough to ship; 2:1 panoramas. The MP4's length
 * comes from its `mvhd` box, read here, so the test needs no ffprobe.
 */
const MEDIA = join(__dirname, '../../cloudfunctions/defaults/media')
const COURSES = ['c-pos-unstable', 'c-scanner-fault', 'c-card-limit', 'c-stockout-warning', 'c-family-order']
const STORES = ['ms-town-convenience', 'ms-village-grocery', 'ms-town-tobacco-liquor']

/** The boxes of one level of an ISO-BMFF file: type and [start, end) of their content. */
const boxes = (file: Buffer, from = 0, to = file.length): { type: string; start: number; end: number }[] => {
  const found = []
  for (let at = from; at + 8 <= to; ) {
    let size = file.readUInt32BE(at)
    const type = file.toString('latin1', at + 4, at + 8)
    let header = 8
    if (size === 1) {
      size = Number(file.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) throw new Error(`broken ${type} box at ${at}`)
    found.push({ type, start: at + header, end: at + size })
    at += size
  }
  return found
}

/** Seconds, from moov/mvhd: version 0 has 32-bit times, version 1 64-bit. */
const mp4Duration = (file: Buffer): number => {
  const moov = boxes(file).find((b) => b.type === 'moov')
  if (!moov) throw new Error('no moov box')
  const mvhd = boxes(file, moov.start, moov.end).find((b) => b.type === 'mvhd')
  if (!mvhd) throw new Error('no mvhd box')
  const version = file[mvhd.start]
  return version === 1
    ? Number(file.readBigUInt64BE(mvhd.start + 24)) / file.readUInt32BE(mvhd.start + 20)
    : file.readUInt32BE(mvhd.start + 16) / file.readUInt32BE(mvhd.start + 12)
}

/** Width and height from a baseline or progressive JPEG's SOF segment. */
const jpegSize = (file: Buffer): { width: number; height: number } => {
  if (file.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG')
  for (let at = 2; at + 9 < file.length; ) {
    const marker = file.readUInt16BE(at)
    const length = file.readUInt16BE(at + 2)
    if (marker === 0xffc0 || marker === 0xffc2) return { height: file.readUInt16BE(at + 5), width: file.readUInt16BE(at + 7) }
    at += 2 + length
  }
  throw new Error('no SOF segment')
}

const duSync = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? duSync(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0)

describe.each(COURSES)('course %s', (id) => {
  const video = readFileSync(join(MEDIA, 'courses', `${id}.mp4`))

  test('is an MP4 with H.264 video and AAC audio, 30–90 s long', () => {
    const top = boxes(video).map((b) => b.type)
    expect(top[0]).toBe('ftyp')
    expect(top).toEqual(expect.arrayContaining(['moov', 'mdat']))
    // faststart: the index before the data, so playback starts before the whole file is in.
    expect(top.indexOf('moov')).toBeLessThan(top.indexOf('mdat'))
    expect(video.includes('avc1')).toBe(true)
    expect(video.includes('mp4a')).toBe(true)
    const seconds = mp4Duration(video)
    expect(seconds).toBeGreaterThanOrEqual(30)
    expect(seconds).toBeLessThanOrEqual(90)
  })

  test('its captions are WebVTT, in order, inside the video, and cover its talk', () => {
    const parsed = parseWebVtt(readFileSync(join(MEDIA, 'courses', `${id}.vtt`), 'utf8'))
    if (!parsed.ok) throw new Error(`${parsed.code} at line ${parsed.line}`)
    const seconds = mp4Duration(video)
    expect(parsed.cues.length).toBeGreaterThanOrEqual(5)
    expect(parsed.cues[0].startS).toBe(0)
    parsed.cues.forEach((cue, i) => {
      expect(cue.text.length).toBeGreaterThan(0)
      if (i > 0) expect(cue.startS).toBeGreaterThanOrEqual(parsed.cues[i - 1].endS)
    })
    expect(parsed.cues.at(-1)!.endS).toBeLessThanOrEqual(seconds)
    // The narration fills most of the video: the pauses are short.
    expect(parsed.cues.reduce((s, c) => s + c.endS - c.startS, 0)).toBeGreaterThan(seconds * 0.7)
  })

  test('has a small cover JPEG', () => {
    const cover = readFileSync(join(MEDIA, 'courses', `${id}.jpg`))
    expect(jpegSize(cover)).toEqual({ width: 320, height: 180 })
    expect(cover.length).toBeLessThan(20_000)
  })
})

test.each(STORES)('model store %s has a 2:1 panorama and two photos', (id) => {
  const { width, height } = jpegSize(readFileSync(join(MEDIA, 'stores', `${id}-pano.jpg`)))
  expect(width).toBe(2 * height)
  expect(width).toBeGreaterThanOrEqual(2048)
  for (const photo of ['front', 'inside']) expect(jpegSize(readFileSync(join(MEDIA, 'stores', `${id}-${photo}.jpg`)))).toEqual({ width: 640, height: 400 })
})

test('the five videos are under 3 MB together, the media folder under 4 MB', () => {
  const videos = COURSES.reduce((sum, id) => sum + statSync(join(MEDIA, 'courses', `${id}.mp4`)).size, 0)
  expect(videos).toBeLessThan(3 * 1024 * 1024)
  expect(duSync(MEDIA)).toBeLessThan(4 * 1024 * 1024)
})

test('the mvhd reader agrees with a hand-made box (version 0 and 1)', () => {
  const v0 = Buffer.alloc(8 + 8 + 100)
  v0.writeUInt32BE(8, 0)
  v0.write('ftyp', 4, 'latin1')
  v0.writeUInt32BE(108, 8)
  v0.write('moov', 12, 'latin1')
  v0.writeUInt32BE(100, 16)
  v0.write('mvhd', 20, 'latin1')
  v0.writeUInt32BE(1000, 24 + 12) // timescale
  v0.writeUInt32BE(45_111, 24 + 16) // duration
  expect(mp4Duration(v0)).toBeCloseTo(45.111, 6)
  const v1 = Buffer.alloc(8 + 8 + 120)
  v1.writeUInt32BE(8, 0)
  v1.write('ftyp', 4, 'latin1')
  v1.writeUInt32BE(128, 8)
  v1.write('moov', 12, 'latin1')
  v1.writeUInt32BE(120, 16)
  v1.write('mvhd', 20, 'latin1')
  v1[24] = 1
  v1.writeUInt32BE(600, 24 + 20)
  v1.writeBigUInt64BE(37_800n, 24 + 24)
  expect(mp4Duration(v1)).toBe(63)
})
