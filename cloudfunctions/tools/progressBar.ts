import type { Progress } from '../core/imports/check'

const PHASE = { check: '读取', apply: '写入' } as const
const WIDTH = 24
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US')

/**
 * A progress bar with rows per second, redrawn in place on a terminal. On anything else (a log
 * file, CI) it stays silent: the final report line says the same once.
 */
export const progressBar = (out: NodeJS.WriteStream = process.stderr, fileBytes?: number) => {
  const enabled = out.isTTY === true
  let phase: Progress['phase'] | null = null
  let phaseStarted = 0
  let drawn = 0
  const draw = (p: Progress, force = false) => {
    if (!enabled) return
    const now = performance.now()
    if (p.phase !== phase) {
      if (phase) out.write('\n')
      phase = p.phase
      phaseStarted = now
    } else if (!force && now - drawn < 100) return
    drawn = now
    const total = p.phase === 'check' ? fileBytes : p.total
    const share = total && p.done !== undefined ? Math.min(1, p.done / total) : null
    const bar = share === null ? '' : `[${'█'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '░')}] ${String(Math.round(share * 100)).padStart(3)}%  `
    const seconds = (now - phaseStarted) / 1000
    const rate = seconds > 0 ? `  ${grouped(p.rows / seconds)} 行/秒` : ''
    out.write(`\r${PHASE[p.phase]} ${bar}${grouped(p.rows)} 行${rate}\x1b[K`)
  }
  return {
    update: (p: Progress) => draw(p),
    finish: () => {
      if (enabled && phase) out.write('\n')
    },
  }
}
