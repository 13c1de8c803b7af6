import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/** The core's "no I/O" rule is a tool's job; this proves the tool actually says no. */
describe('the domain core imports nothing that does I/O', () => {
  const eslintBin = join(process.cwd(), 'node_modules', '.bin', 'eslint')
  /** Lints all snippets in one ESLint run (one process start) as if each were a file in the core. */
  const restrictedImports = (code: string): number => {
    const run = spawnSync(eslintBin, ['--stdin', '--stdin-filename', 'cloudfunctions/core/probe.ts', '--format', 'json'], {
      input: code,
      encoding: 'utf8',
    })
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[]
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length
  }

  it('refuses Node built-ins, SDKs, the embedded store, Taro and adapters', () => {
    const forbidden = [
      "import { readFileSync } from 'node:fs'",
      "import { createHash } from 'crypto'",
      "import tcb from '@cloudbase/node-sdk'",
      "import cloud from 'wx-server-sdk'",
      "import Taro from '@tarojs/taro'",
      "import Datastore from '@seald-io/nedb'",
      "import { EmbeddedStore } from '../adapters/embedded/store'",
      "import Database from 'better-sqlite3'",
      "import { SqliteStore } from '../adapters/sqlite/store'",
    ]
    expect(restrictedImports(`${forbidden.join('\n')}\nexport const x = 1\n`)).toBe(forbidden.length)
  })

  it('allows the core’s own modules and pure libraries', () => {
    expect(restrictedImports("import { fail } from './errors'\nimport dayjs from 'dayjs'\nexport const x = [fail, dayjs]\n")).toBe(0)
  })
})
