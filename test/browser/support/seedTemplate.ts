import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../../cloudfunctions/adapters/sqlite/store'
import { copyDefaultMedia, seedDemoCounty } from '../../../cloudfunctions/seed'

const VARIABLE = 'SHOPMATE_SEEDED_TEMPLATE'

/**
 * Jest global setup for the browser tests: seeds the full demo county (with its twelve months of
 * shop data) once per run; each test file then starts from a copy, in milliseconds.
 */
export default async function seedTemplate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-template-'))
  const store = await new SqliteStore(dir).open()
  await seedDemoCounty(store)
  await copyDefaultMedia(dir)
  // Closed, so the copies are one whole file (the write-ahead log folded in).
  store.close()
  process.env[VARIABLE] = dir
}

export const removeTemplate = (): void => {
  const dir = process.env[VARIABLE]
  if (dir) rmSync(dir, { recursive: true, force: true })
}

/** A fresh data folder holding the seeded county. */
export const copyOfTemplate = (): string => {
  const template = process.env[VARIABLE]
  if (!template) throw new Error(`${VARIABLE} is not set: run the browser tests through jest (its globalSetup seeds it).`)
  const dir = mkdtempSync(join(tmpdir(), 'shopmate-'))
  cpSync(template, dir, { recursive: true })
  return dir
}
