import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The layer graph is a tool's job (`.dependency-cruiser.cjs`, run by `npm test`); this proves the
 * tool actually says no. Probe files are written into each layer's folder, cruised, and removed.
 */
describe('the one-way layer graph', () => {
  const root = process.cwd()
  const probes: string[] = []
  const probe = (path: string, code: string): string => {
    const file = join(root, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, code)
    probes.push(file)
    return path
  }
  afterEach(() => {
    for (const file of probes.splice(0)) rmSync(file, { force: true })
  })

  /** The rules each import of the probe breaks, by the imported module. */
  const violations = (path: string, from = path): Record<string, string[]> => {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'depcruise'), [path, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', cwd: root })
    const result = JSON.parse(run.stdout) as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } }
    const out: Record<string, string[]> = {}
    for (const v of result.summary.violations.filter((v) => v.from === from)) (out[v.to] ??= []).push(v.rule.name)
    return out
  }

  it('keeps the core to the core, the contracts and dayjs: no Node, no SDK, no store, no adapter, no words', () => {
    const path = probe(
      'cloudfunctions/core/zzProbe.ts',
      [
        "import { readFileSync } from 'node:fs'",
        "import { createHash } from 'crypto'",
        "import * as tcb from '@cloudbase/node-sdk'",
        "import Datastore from '@seald-io/nedb'",
        "import { nodeTokens } from '../adapters/node/tokens'",
        "import { chinaLabel } from '../words/time'",
        "import { fail } from './errors'",
        "import { HELPER_SCOPES } from '../contracts/vocabulary'",
        "import dayjs from 'dayjs'",
        'export const x = [readFileSync, createHash, tcb, Datastore, nodeTokens, chinaLabel, fail, HELPER_SCOPES, dayjs]',
      ].join('\n'),
    )
    const found = violations(path)
    expect(Object.keys(found).sort()).toEqual(['node_modules/@cloudbase/node-sdk/dist/index.js', 'cloudfunctions/adapters/node/tokens.ts', 'cloudfunctions/words/time.ts', 'crypto', 'fs', 'node_modules/@seald-io/nedb/index.js'].sort())
    expect(new Set(Object.values(found).flat())).toEqual(new Set(['layer-core']))
  })

  it('keeps the contracts a leaf and the app off adapters, entries, the host and the seed', () => {
    const contracts = probe('cloudfunctions/contracts/zzProbe.ts', "import { fail } from '../core/errors'\nexport const x = fail\n")
    expect(violations(contracts)).toEqual({ 'cloudfunctions/core/errors.ts': ['layer-contracts'] })
    const app = probe(
      'src/lib/zzProbe.ts',
      "import { seedDemoCounty } from '../../cloudfunctions/seed'\nimport { systemClock } from '../../cloudfunctions/adapters/node/clock'\nimport { currentCycle } from '../../cloudfunctions/core/schedule'\nexport const x = [seedDemoCounty, systemClock, currentCycle]\n",
    )
    expect(Object.keys(violations(app)).sort()).toEqual(['cloudfunctions/adapters/node/clock.ts', 'cloudfunctions/seed/index.ts'])
  })

  it('keeps adapters from entries and the host, and refuses a cycle', () => {
    const adapter = probe('cloudfunctions/adapters/node/zzProbe.ts', "import { functions } from '../../functions/registry'\nexport const x = functions\n")
    expect(violations(adapter)).toEqual({ 'cloudfunctions/functions/registry.ts': ['layer-adapters'] })
    const a = probe('cloudfunctions/core/zzCycleA.ts', "import { b } from './zzCycleB'\nexport const a = () => b\n")
    probe('cloudfunctions/core/zzCycleB.ts', "import { a } from './zzCycleA'\nexport const b = () => a\n")
    expect(violations(a)).toEqual({ 'cloudfunctions/core/zzCycleB.ts': ['no-circular'] })
  })
})
