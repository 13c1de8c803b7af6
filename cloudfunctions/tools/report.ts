import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { SqliteStore } from '../adapters/sqlite/store'
import { USAGE, parseReportArgs, writeReport } from './reportRun'

/**
 * `npm run report -- classes|districts|strategies YYYY-MM [--district NAME] [--out FILE]`: the
 * company's CSV reports from the stored guides, to FILE (written whole, then renamed into place)
 * or to stdout. Exit 0 written, 1 nothing to report for the month, 2 could not run.
 */
const main = async (): Promise<number> => {
  const args = parseReportArgs(process.argv.slice(2))
  if (!args) {
    console.error(USAGE)
    return 2
  }
  const store = await new SqliteStore(resolve(process.env.DATA_DIR ?? '.data')).open()
  try {
    const target = args.out ? resolve(process.env.INIT_CWD ?? process.cwd(), args.out) : null
    const partial = target ? `${target}.part` : null
    const out = partial ? createWriteStream(partial) : process.stdout
    const write = (text: string) => new Promise<void>((done, fail) => (out.write(text, (error) => (error ? fail(error) : done())) ? undefined : undefined))
    const empty = await writeReport(store, args, write)
    if (partial && target) {
      await new Promise<void>((done) => (out as NodeJS.WritableStream).end(done))
      if (empty) await rm(partial, { force: true })
      else await rename(partial, target)
      if (!empty) console.error(`已写入 ${target}`)
    }
    if (empty) {
      console.error(empty)
      return 1
    }
    return 0
  } finally {
    store.close()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 2
  },
)
