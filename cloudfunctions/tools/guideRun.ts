import { request } from 'node:http'
import { MONTH_PATTERN } from '../contracts/vocabulary'
import type { GuideBuildReport } from '../contracts/guidance'
import { openLocalHome } from '../host/local'
import { buildMonth, type BuildProgress } from '../core/guidance/build'
import { AppError } from '../core/errors'
import { errorText } from '../words/errors'

export const USAGE = '用法：npm run guide -- build <YYYY-MM>'

export interface GuideRun {
  /** 0 built; 1 no marketing data for the month (nothing built); 2 could not run. */
  code: number
  report?: GuideBuildReport
  via?: 'host' | 'store'
  message?: string
}

class NoHost extends Error {}

type Line = { progress?: BuildProgress; report?: GuideBuildReport; error?: { code: string; message: string } }

/** Hands the build to a local host on `port` (one writer per data folder); NoHost when none serves this folder. */
const handOff = (port: number, month: string, dataDir: string, onProgress: (p: BuildProgress) => void): Promise<Line> =>
  new Promise((done, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: 'POST', path: `/dev/guide/${month}`, headers: { 'content-type': 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume()
        return reject(new NoHost())
      }
      let buffer = ''
      let last: Line = {}
      const read = (line: string) => {
        if (line.trim() === '') return
        const message = JSON.parse(line) as Line
        if (message.progress) onProgress(message.progress)
        else last = message
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const lines = (buffer + chunk).split('\n')
        buffer = lines.pop() ?? ''
        lines.forEach(read)
      })
      res.on('end', () => {
        read(buffer)
        done(last)
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ECONNREFUSED' ? new NoHost() : error))
    req.end(JSON.stringify({ force: true, dataDir }))
  })

/**
 * `npm run guide -- build YYYY-MM`: builds (or rebuilds) one month's guides. A running local host
 * over the same data folder does the work (the store and the outbox keep one writer); otherwise
 * the tool opens DATA_DIR itself.
 */
export const runGuide = async (args: readonly string[], env: { port: number; dataDir: string }, onProgress: (p: BuildProgress) => void = () => undefined): Promise<GuideRun> => {
  const [command, month, ...extra] = args
  if (command !== 'build' || !month || !MONTH_PATTERN.test(month) || extra.length > 0) return { code: 2, message: USAGE }
  try {
    const line = await handOff(env.port, month, env.dataDir, onProgress)
    if (line.report) return { code: 0, report: line.report, via: 'host' }
    return { code: line.error?.code === 'NOT_FOUND' ? 1 : 2, message: line.error?.message ?? '本地服务没有回答', via: 'host' }
  } catch (error) {
    if (!(error instanceof NoHost)) return { code: 2, message: `本地服务没能生成：${(error as Error).message}` }
  }
  const home = await openLocalHome(env.dataDir)
  try {
    return { code: 0, report: await buildMonth(home.deps(), { month, force: true, onProgress }), via: 'store' }
  } catch (error) {
    if (error instanceof AppError) return { code: error.code === 'NOT_FOUND' ? 1 : 2, message: errorText(error.reason, error.figures), via: 'store' }
    throw error
  } finally {
    home.store.close()
  }
}
