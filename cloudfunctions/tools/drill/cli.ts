import { PROVINCE, drillLines, runProvinceDrill } from './province'

/**
 * `npm run drill -- province [--retailers N] [--due N] [--rows N]`: the province drill over the
 * simulated CloudBase database (simulated time: it runs in real seconds, not simulated minutes).
 */
const main = async (): Promise<number> => {
  const [which, ...rest] = process.argv.slice(2)
  if (which !== 'province') {
    console.error('用法 / usage: npm run drill -- province [--retailers 200000] [--due 20000] [--rows 1000000]')
    return 2
  }
  const flag = (name: string, fallback: number): number => {
    const at = rest.indexOf(`--${name}`)
    const value = at >= 0 ? Number(rest[at + 1]) : fallback
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive whole number`)
    return value
  }
  const options = { ...PROVINCE, retailers: flag('retailers', PROVINCE.retailers), dueAtOnce: flag('due', PROVINCE.dueAtOnce), importRows: flag('rows', PROVINCE.importRows), log: (line: string) => console.error(`  ${line}`) }
  const started = performance.now()
  const result = await runProvinceDrill(options)
  for (const line of drillLines(result)) console.log(line)
  console.error(`  (import calls by request: ${JSON.stringify(result.importRun.byAction)}; real time ${((performance.now() - started) / 1000).toFixed(1)} s)`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
