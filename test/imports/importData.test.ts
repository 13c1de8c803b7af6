import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { invokeCallable } from '../../cloudfunctions/functions/define'
import importData, { adminOpenIds } from '../../cloudfunctions/functions/importData'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { localFiles } from '../../cloudfunctions/adapters/local/files'
import { repos } from '../../cloudfunctions/core/repos'
import { SKUS_CSV, removeDir, tempDir } from './helpers'

describe('the importData function (company side)', () => {
  let dir: string
  let home: LocalHome
  const call = (caller: string | null, event: unknown, files = true) =>
    invokeCallable(importData, event, { caller, deps: { ...home.deps(fixedClock('2026-03-18T10:00:00+08:00')), files: files ? localFiles(dir) : undefined } })

  beforeAll(async () => {
    dir = tempDir()
    home = await openLocalHome(join(dir, 'data'))
    writeFileSync(join(dir, 'skus.csv'), SKUS_CSV)
    process.env.ADMIN_OPENIDS = ' admin-1 , admin-2 '
  })
  afterAll(() => {
    delete process.env.ADMIN_OPENIDS
    removeDir(dir)
  })

  it('reads the admins from configuration', () => {
    expect([...adminOpenIds()]).toEqual(['admin-1', 'admin-2'])
    expect(adminOpenIds('')).toEqual(new Set())
  })

  it('is for admins only', async () => {
    expect(await call('demo-retailer-1', { kind: 'skus', fileId: 'skus.csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(null, { kind: 'skus', fileId: 'skus.csv' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await repos(home.store).skus.count({})).toBe(0)
  })

  it('imports a file from storage and answers the report', async () => {
    const reply = await call('admin-2', { kind: 'skus', fileId: 'skus.csv' })
    expect(reply).toMatchObject({ ok: true, data: { kind: 'skus', rows: 3, imported: 3, applied: true, problems: [] } })
    expect(await repos(home.store).skus.count({})).toBe(3)
  })

  it('says so when the file is missing, the kind unknown, or no file storage is set up', async () => {
    expect(await call('admin-1', { kind: 'skus', fileId: 'nope.csv' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('admin-1', { kind: 'orders', fileId: 'skus.csv' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await call('admin-1', { kind: 'skus', fileId: 'skus.csv' }, false)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
