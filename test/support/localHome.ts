import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { openLocalHome, type LocalHome } from '../../cloudfunctions/host/local'
import { createHost } from '../../cloudfunctions/host/server'
import { COUNTY_SIZE, copyDefaultMedia, seedDemoCounty } from '../../cloudfunctions/seed'
import { FolderLock, tryLock } from '../../cloudfunctions/adapters/node/folderLock'

/** A fresh data folder in the system temp dir; removed by `cleanup`. */
export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'shopmate-'))

export interface TestHost {
  home: LocalHome
  dataDir: string
  base: string
  server: Server
  /** POST /fn/<name> as `caller` (no header when null); resolves the parsed body. */
  call(name: string, event: unknown, caller?: string | null): Promise<unknown>
  close(): Promise<void>
}

/**
 * The real local host over the real embedded store in a temp dir, on a free port. It seeds the
 * county without its twelve months of shop data (fast) unless `shopData` asks for them.
 */
export const startTestHost = async (
  options: { seed?: boolean; shopData?: boolean; dataDir?: string; staticDir?: string; panoramaDir?: string } = {},
): Promise<TestHost> => {
  const dataDir = options.dataDir ?? tempDataDir()
  const home = await openLocalHome(dataDir)
  if (options.seed ?? true) {
    await seedDemoCounty(home.store, COUNTY_SIZE, { shopData: options.shopData ?? false })
    await copyDefaultMedia(dataDir)
  }
  const server = createHost({ home, staticDir: options.staticDir, panoramaDir: options.panoramaDir })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  // As the real host does: the folder's writer lock names this host and its port, for `npm run import`.
  const lock = await tryLock(dataDir, { port, who: '本地服务' })
  return {
    home,
    dataDir,
    base,
    server,
    call: async (name, event, caller = null) => {
      const res = await fetch(`${base}/fn/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller ? { 'x-dev-openid': caller } : {}) },
        body: JSON.stringify(event),
      })
      return res.json()
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (lock instanceof FolderLock) lock.release()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const cleanup = (dir: string): void => rmSync(dir, { recursive: true, force: true })
