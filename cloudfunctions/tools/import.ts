import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { progressBar } from './progressBar'
import { reportText } from './importReport'
import { runImport } from './importRun'

/** `npm run import -- <kind> <file> [--skip-invalid]` (see importRun.ts). */
const main = async (): Promise<number> => {
  const args = process.argv.slice(2)
  // npm runs scripts from the package root; a relative path means the folder the command was typed in.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const file = args.find((arg) => !arg.startsWith('--') && args.indexOf(arg) > 0)
  const size = file ? (await stat(resolve(cwd, file)).catch(() => null))?.size : undefined
  const bar = progressBar(process.stderr, size)
  const waitMs = process.env.IMPORT_WAIT_MS === undefined ? undefined : Number(process.env.IMPORT_WAIT_MS)
  const run = await runImport(args, { cwd, dataDir: resolve(process.env.DATA_DIR ?? '.data'), waitMs }, bar.update)
  bar.finish()
  if (run.message) console.error(run.message)
  if (run.via === 'host') console.error(`（已交给 http://127.0.0.1:${run.port} 上运行的本地服务导入，应用里立即可见）`)
  if (run.report) (run.code === 0 ? console.log : console.error)(reportText(run.report))
  return run.code
}

// exitCode, not exit(): a report piped to a file must not be cut short.
main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Words, never a stack: a busy folder names its holder; anything else says what failed.
    const coded = typeof (error as { code?: unknown })?.code === 'string' && error instanceof Error
    console.error(coded ? error.message : `导入没能完成：${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  },
)
