import { MONTH_PATTERN } from '../contracts/vocabulary'
import type { GuideBuildReport } from '../contracts/guidance'
import { openLocalHome } from '../host/local'
import { buildMonth, type BuildProgress } from '../core/guidance/build'
import { AppError } from '../core/errors'
import { errorText } from '../words/errors'
import { postNdjson, withDataFolder } from './dataFolder'

export const USAGE = '用法：npm run guide -- build <YYYY-MM>'

export interface GuideRun {
  /** 0 built; 1 no marketing data for the month (nothing built); 2 could not run. */
  code: number
  report?: GuideBuildReport
  via?: 'host' | 'store'
  message?: string
}

type Line = { progress?: BuildProgress; report?: GuideBuildReport; error?: { code: string; message: string } }

/** What a build came to, from the host's answer or from building here. */
const outcome = (line: Line): Omit<GuideRun, 'via'> =>
  line.report ? { code: 0, report: line.report } : { code: line.error?.code === 'NOT_FOUND' ? 1 : 2, message: line.error?.message ?? '本地服务没有回答' }

/** The local host on `port` builds the month (the store and the outbox keep one writer). */
const viaHost = async (port: number, month: string, dataDir: string, onProgress: (p: BuildProgress) => void): Promise<Line> => {
  let last: Line = {}
  await postNdjson(port, `/dev/guide/${month}`, { force: true, dataDir }, (line) => {
    const message = line as Line
    if (message.progress) onProgress(message.progress)
    else last = message
  })
  return last
}

const buildHere = async (dataDir: string, month: string, onProgress: (p: BuildProgress) => void): Promise<Line> => {
  const home = await openLocalHome(dataDir)
  try {
    return { report: await buildMonth(home.deps(), { month, force: true, onProgress }) }
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, message: errorText(error.reason, error.figures) } }
    throw error
  } finally {
    home.store.close()
  }
}

/**
 * `npm run guide -- build YYYY-MM`: builds (or rebuilds) one month's guides, with one writer per
 * data folder (tools/dataFolder.ts): a running local host does the work, otherwise this process.
 */
export const runGuide = async (args: readonly string[], env: { dataDir: string; waitMs?: number }, onProgress: (p: BuildProgress) => void = () => undefined): Promise<GuideRun> => {
  const [command, month, ...extra] = args
  if (command !== 'build' || !month || !MONTH_PATTERN.test(month) || extra.length > 0) return { code: 2, message: USAGE }
  const work = await withDataFolder(
    env.dataDir,
    `生成 ${month} 的经营指导书`,
    { viaHost: (port) => viaHost(port, month, env.dataDir, onProgress), here: () => buildHere(env.dataDir, month, onProgress) },
    env.waitMs,
  )
  if (work.via === 'busy') return { code: 2, message: work.message }
  return { ...outcome(work.result), via: work.via }
}
