import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Which files a running host may import: only those the operator named on the command line of
 * `npm run import`. The command writes a grant — the file's path — into the data folder under a
 * random name and sends the host only that name; the host reads the grant from its own folder and
 * deletes it. A request can name no path, so no web page, and no process that cannot write the
 * data folder, can make the host read (or write a .rejected.csv beside) any other file.
 */

export interface ImportGrant {
  path: string
  skipInvalid: boolean
}

const GRANTS = 'import-grants'
export const GRANT_PATTERN = /^[A-Za-z0-9_-]{43}$/

export const grantImport = (dataDir: string, grant: ImportGrant): string => {
  const token = randomBytes(32).toString('base64url')
  mkdirSync(join(dataDir, GRANTS), { recursive: true, mode: 0o700 })
  writeFileSync(join(dataDir, GRANTS, `${token}.json`), JSON.stringify(grant), { mode: 0o600, flag: 'wx' })
  return token
}

/** The grant by that name, deleted as it is read (single use); null when there is none. */
export const takeGrant = (dataDir: string, token: unknown): ImportGrant | null => {
  if (typeof token !== 'string' || !GRANT_PATTERN.test(token)) return null
  const file = join(dataDir, GRANTS, `${token}.json`)
  try {
    const grant = JSON.parse(readFileSync(file, 'utf8')) as Partial<ImportGrant>
    return typeof grant.path === 'string' ? { path: grant.path, skipInvalid: grant.skipInvalid === true } : null
  } catch {
    return null
  } finally {
    rmSync(file, { force: true })
  }
}

export const dropGrant = (dataDir: string, token: string): void => rmSync(join(dataDir, GRANTS, `${token}.json`), { force: true })
