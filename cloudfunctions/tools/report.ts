import { resolve } from 'node:path'
import { SqliteStore } from '../adapters/sqlite/store'
import type { DocumentStore } from '../core/ports'
import { learningReport, learningReportText } from './reports/learning'

/**
 * `npm run report -- <report> [arguments]`: the county company's reports over the data folder (DATA_DIR,
 * default ./.data), printed to stdout. Each report is one entry here; its work lives in ./reports/.
 */
interface Report {
  usage: string
  run(store: DocumentStore, args: readonly string[]): Promise<string | null>
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export const REPORTS: Record<string, Report> = {
  learning: {
    usage: 'learning YYYY-MM        每节微课的观看人数、学完人数，及按目标类别的合计',
    run: async (store, [month, ...rest]) => (month && MONTH.test(month) && rest.length === 0 ? learningReportText(await learningReport(store, month)) : null),
  },
}

const usage = (): string => ['用法：npm run report -- <报表> [参数]', ...Object.values(REPORTS).map((r) => `  ${r.usage}`)].join('\n')

const main = async (): Promise<number> => {
  const [name, ...args] = process.argv.slice(2)
  const report = name === undefined ? undefined : REPORTS[name]
  if (!report) {
    console.error(usage())
    return 2
  }
  const store = await new SqliteStore(resolve(process.env.DATA_DIR ?? '.data')).open()
  try {
    const text = await report.run(store, args)
    if (text === null) {
      console.error(`用法：npm run report -- ${report.usage}`)
      return 2
    }
    console.log(text)
    return 0
  } finally {
    store.close()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
