import { resolve } from 'node:path'
import { backupDataFolder } from '../adapters/sqlite/backup'

const USAGE = '用法：npm run backup -- <备份文件.sqlite>（数据目录取 DATA_DIR，默认 ./.data）'

/**
 * `npm run backup -- <file>`: a consistent copy of the data folder's database, taken while the
 * local host keeps running. Restoring is described in the README ("Backups").
 */
const main = async (): Promise<number> => {
  const args = process.argv.slice(2)
  if (args.length !== 1 || args[0].startsWith('-')) {
    console.error(USAGE)
    return 2
  }
  // npm runs scripts from the package root; a relative path means the folder the command was typed in.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  const file = resolve(cwd, args[0])
  try {
    const done = await backupDataFolder(dataDir, file)
    console.log(`已备份 ${dataDir} → ${done.file}（${(done.bytes / 1024 / 1024).toFixed(1)} MB，${(done.ms / 1000).toFixed(1)} 秒）`)
    return 0
  } catch (error) {
    console.error(`备份失败：${(error as Error).message}`)
    return 1
  }
}

main().then((code) => (process.exitCode = code))
