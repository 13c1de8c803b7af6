import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHost } from '../../cloudfunctions/host/server'
import { openLocalHome } from '../../cloudfunctions/host/local'
import { cleanup, tempDataDir } from '../support/localHome'

/** node's fetch always decompresses; a raw request shows what went over the wire. */
const get = (port: number, path: string, encoding = 'br') =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request({ port, path, host: '127.0.0.1', headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })

describe('the local host serves the H5 build like a CDN', () => {
  const dataDir = tempDataDir()
  const siteDir = tempDataDir()
  const appDir = join(siteDir, 'app')
  const script = `console.log(${JSON.stringify('零售伙伴'.repeat(500))})`
  let port = 0
  let close: () => void

  beforeAll(async () => {
    mkdirSync(join(appDir, 'js'), { recursive: true })
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>零售伙伴</title></html>')
    writeFileSync(join(appDir, 'js', 'app.1a2b3c4d5e.js'), script)
    writeFileSync(join(siteDir, 'secret.txt'), 'not for the web')
    const server = createHost({ home: await openLocalHome(dataDir), staticDir: appDir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    close = () => server.close()
  })
  afterAll(() => {
    close()
    cleanup(dataDir)
    cleanup(siteDir)
  })

  it('serves the app at / with revalidation', async () => {
    const res = await get(port, '/?as=demo-retailer-1', 'identity')
    expect(res.status).toBe(200)
    expect(res.body.toString()).toContain('lang="zh-CN"')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  it('sends hashed scripts brotli-compressed and cacheable for a year', async () => {
    const res = await get(port, '/js/app.1a2b3c4d5e.js')
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toContain('immutable')
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('falls back to gzip, then to plain bytes', async () => {
    expect((await get(port, '/js/app.1a2b3c4d5e.js', 'gzip')).headers['content-encoding']).toBe('gzip')
    expect((await get(port, '/js/app.1a2b3c4d5e.js', 'identity')).body.toString()).toBe(script)
  })

  it('never serves a file outside the build', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/../../secret.txt']) {
      const res = await get(port, path, 'identity')
      expect(res.status).toBe(404)
      expect(res.body.toString()).not.toContain('not for the web')
    }
  })
})
