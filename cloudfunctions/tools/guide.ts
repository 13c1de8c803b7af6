import { resolve } from 'node:path'
import { buildReportText } from '../words/guidanceReports'
import type { BuildProgress } from '../core/guidance/build'
import { runGuide } from './guideRun'

const PHASES: Record<BuildProgress['phase'], string> = { read: '读取', guides: '生成', notices: '通知' }
const WIDTH = 24

/** A bar per phase, redrawn in place on a terminal only; logs get the final report alone. */
const bar = (out: NodeJS.WriteStream) => {
  let phase: BuildProgress['phase'] | null = null
  let drawn = 0
  return {
    update(p: BuildProgress) {
      if (!out.isTTY) return
      const now = performance.now()
      if (p.phase !== phase) {
        if (phase) out.write('\n')
        phase = p.phase
      } else if (now - drawn < 100 && p.done < p.total) return
      drawn = now
      const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1
      out.write(`\r${PHASES[p.phase]} [${'█'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '░')}] ${String(Math.round(share * 100)).padStart(3)}%  ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} 户\x1b[K`)
    },
    finish() {
      if (out.isTTY && phase) out.write('\n')
    },
  }
}

/** `npm run guide -- build YYYY-MM` (see guideRun.ts). Exit 0 built, 1 no marketing data for the month, 2 could not run. */
const main = async (): Promise<number> => {
  const progress = bar(process.stderr)
  const run = await runGuide(process.argv.slice(2), { dataDir: resolve(process.env.DATA_DIR ?? '.data') }, progress.update)
  progress.finish()
  if (run.message) console.error(run.message)
  if (run.via === 'host') console.error('（已交给正在运行的本地服务生成，应用里立即可见）')
  if (run.report) console.log(buildReportText(run.report))
  return run.code
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(typeof (error as { code?: unknown })?.code === 'string' && error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
