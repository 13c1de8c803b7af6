#!/usr/bin/env node
/**
 * `TCB_ENV_ID=<env id> npm run deploy`: builds every function into dist-cloud/ and deploys them
 * with the CloudBase CLI, then lists what the CLI cannot create: the collections, their indexes
 * and the database rules. The env id comes only from the environment, so it is never committed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, buildFunctions, loadTs } from './build-functions.mjs'

const envId = process.env.TCB_ENV_ID?.trim()
if (!envId) {
  console.error(
    [
      '缺少环境变量 TCB_ENV_ID（云开发环境 ID，在云开发控制台的环境设置中可以看到）。',
      'TCB_ENV_ID is not set: it is the CloudBase environment id (shown in the CloudBase console).',
      '',
      '用法 / usage:  TCB_ENV_ID=<环境ID> npm run deploy',
    ].join('\n'),
  )
  process.exit(1)
}

/**
 * cloudbaserc.json's {{env.…}} variables are read by the CLI from `.env` and `.env.local` (not from
 * this process's environment): the functions' configuration must be there before a deploy, or
 * the deployed functions would get empty values (no template id: no reminder could be sent).
 */
const dotenv = Object.fromEntries(
  ['.env', '.env.local']
    .map((file) => join(ROOT, file))
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, 'utf8').split(/\r?\n/))
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter(Boolean)
    .map(([, key, value]) => [key, value.replace(/^["']|["']$/g, '')]),
)
const missing = ['TCB_ENV_ID', 'SUBSCRIBE_TEMPLATE_ORDER_REMINDER', 'ADMIN_OPENIDS'].filter((key) => !dotenv[key])
if (missing.length > 0) {
  console.error(
    [
      `.env.local 中缺少 ${missing.join('、')}（CloudBase CLI 从 .env / .env.local 读取 cloudbaserc.json 的 {{env.…}} 变量）。`,
      `.env.local lacks ${missing.join(', ')}: the CloudBase CLI reads cloudbaserc.json's {{env.…}} variables from .env / .env.local. Example:`,
      '',
      `  TCB_ENV_ID=${envId}`,
      '  SUBSCRIBE_TEMPLATE_ORDER_REMINDER=<订阅消息模板ID / template id>',
      '  ADMIN_OPENIDS=<可以导入数据的管理员 openid，逗号分隔>',
    ].join('\n'),
  )
  process.exit(1)
}

console.log('▶ build functions')
await buildFunctions()

/** The CLI is not a dependency of the project; use it when the machine has it. */
const findCli = () => {
  const local = join(ROOT, 'node_modules', '.bin', 'tcb')
  if (existsSync(local)) return local
  const found = spawnSync('sh', ['-c', 'command -v tcb'], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : null
}

const args = ['fn', 'deploy', '--all', '--force', '-e', envId]
const cli = findCli()
console.log('\n▶ deploy functions')
if (cli) {
  const result = spawnSync(cli, args, { cwd: ROOT, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error('部署失败 / deploy failed (is the CLI logged in? `tcb login`)')
    process.exit(result.status ?? 1)
  }
} else {
  console.log(
    [
      '未找到 CloudBase CLI（tcb）。请在仓库根目录执行 / The CloudBase CLI (tcb) is not installed; from the repo root run:',
      '',
      '  npx @cloudbase/cli login',
      `  npx @cloudbase/cli ${args.join(' ')}`,
    ].join('\n'),
  )
}

const { COLLECTIONS } = await loadTs(join(ROOT, 'cloudfunctions/core/collections.ts'))
console.log('\n▶ 数据库 / database — create in the CloudBase console (云开发控制台 → 数据库):')
const width = Math.max(...Object.keys(COLLECTIONS).map((name) => name.length)) + 2
for (const [name, indexes] of Object.entries(COLLECTIONS)) {
  const list = indexes.map((index) => `${index.field} (${index.unique ? '唯一 unique' : '非唯一 non-unique'})`)
  console.log(`  ${name.padEnd(width)}${list.length ? `索引 indexes: ${list.join(', ')}` : '—'}`)
}
console.log('\n  每个集合的权限设置为自定义安全规则 database.rules.json / set every collection\'s permission to the custom rule in database.rules.json:')
console.log('  { "read": false, "write": false }')
console.log('\n▶ 部署后核对 / after deploying, check (README "Deploy checklist"):')
console.log('  - 云开发控制台 → 云函数 → remindTick → 触发器：remindTickTimer（0 */5 * * * * *）已存在')
console.log('  - bindRetailer / remindTick 的 config.json 权限（openapi）已生效：npm run smoke -- --env ' + envId)
