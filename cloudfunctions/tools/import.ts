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
  const run = await runImport(args, { cwd, port: Number(process.env.PORT ?? 8080), dataDir: resolve(process.env.DATA_DIR ?? '.data') }, bar.update)
  bar.finish()
  if (run.message) console.error(run.message)
  if (run.via === 'host') console.error(`（已交给 http://127.0.0.1:${process.env.PORT ?? 8080} 上运行的本地服务导入，应用里立即可见）`)
  if (run.report) (run.code === 0 ? console.log : console.error)(reportText(run.report))
  return run.code
}

// exitCode, not exit(): a report piped to a file must not be cut short.
main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A busy data folder says in words who holds it: that is the whole message.
    console.error(typeof (error as { code?: unknown })?.code === 'string' && error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
