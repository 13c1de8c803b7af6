/**
 * One measurement of bench/lib/import.mjs, in a process of its own so its peak RSS is its own:
 *   generate <file> <rows>   a POS sales export of the demo county, sorted by date, shop, SKU
 *   import <file> <dataDir>  the importer, into a store holding the county (seeded untimed)
 *   parse <file>             csv-parse alone over the same file, in the same 1 MB reads
 * Prints one JSON line.
 */
import { addDays, chinaDate } from '../../cloudfunctions/core/time'
import { createReadStream, createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { parse } from 'csv-parse'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemoCounty, COUNTY_SIZE } from '../../cloudfunctions/seed'
import { seeded } from '../../cloudfunctions/seed/random'
import { makeCatalogue } from '../../cloudfunctions/seed/catalogue'
import { licenseOf } from '../../cloudfunctions/seed/county'
import { importFile } from '../../cloudfunctions/core/imports/run'
import { nodeImportIo } from '../../cloudfunctions/adapters/node/importIo'

const SKUS_PER_SHOP_DAY = 25
/**
 * Peak resident memory of this process's own address space (VmHWM). Not getrusage's maxRSS: Linux
 * carries that over fork and exec, so a child of a large bench process would report its parent's peak.
 */
const peakRss = (): number => {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
  return match ? Number(match[1]) * 1024 : process.resourceUsage().maxRSS * 1024
}

const generate = async (file: string, rows: number) => {
  const skus = makeCatalogue(seeded(20261123))
  const days = Math.ceil(rows / (COUNTY_SIZE * SKUS_PER_SHOP_DAY))
  const first = addDays(chinaDate(Date.now()), -days - 1)
  const out = createWriteStream(file)
  let text = 'license_no,date,sku_code,packs,sales_fen\n'
  let written = 0
  for (let day = 0; day < days && written < rows; day++) {
    const date = addDays(first, day)
    for (let shop = 1; shop <= COUNTY_SIZE && written < rows; shop++) {
      // Each shop sells 25 of the 60 SKUs a day, a different 25 for different shops.
      for (let k = 0; k < SKUS_PER_SHOP_DAY && written < rows; k++, written++) {
        const sku = skus[(shop * 7 + k * 2) % skus.length]
        const packs = 1 + ((shop + day + k) % 8)
        text += `${licenseOf(shop)},${date},${sku.skuCode},${packs},${packs * sku.retailFenPerPack}\n`
      }
      if (text.length > 1 << 20) {
        if (!out.write(text)) await once(out, 'drain')
        text = ''
      }
    }
  }
  out.end(text)
  await once(out, 'finish')
  return { rows: written }
}

const importOnce = async (file: string, dataDir: string) => {
  const store = await new SqliteStore(dataDir).open()
  await seedDemoCounty(store, undefined, { shopData: false })
  const started = performance.now()
  const report = await importFile({ store, kind: 'sales', ...nodeImportIo(createReadStream(file, { highWaterMark: 1 << 20 })), file, now: new Date() })
  const seconds = (performance.now() - started) / 1000
  if (!report.applied || report.imported !== report.rows) throw new Error(`import refused the file: ${JSON.stringify(report.problems.slice(0, 3))}`)
  return { rows: report.rows, seconds, changedDocs: report.changedDocs, peakRss: peakRss() }
}

const parseOnce = async (file: string) => {
  const started = performance.now()
  let rows = -1 // the header
  const parser = parse({ relax_column_count: true, skip_empty_lines: true })
  parser.on('data', () => rows++)
  const done = once(parser, 'end')
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) if (!parser.write(chunk)) await once(parser, 'drain')
  parser.end()
  await done
  return { rows, seconds: (performance.now() - started) / 1000, peakRss: peakRss() }
}

const main = async () => {
  const [mode, file, arg] = process.argv.slice(2)
  const result = mode === 'generate' ? await generate(file, Number(arg)) : mode === 'import' ? await importOnce(file, arg) : await parseOnce(file)
  console.log(JSON.stringify(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
