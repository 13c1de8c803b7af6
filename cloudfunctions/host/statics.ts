import { readFile, readdir, stat } from 'node:fs/promises'
import { extname, join, normalize, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip, constants } from 'node:zlib'
import type { IncomingMessage, ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.vtt': 'text/vtt; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.vtt'])
const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

interface Asset {
  type: string
  raw: Buffer
  br?: Buffer
  gzip?: Buffer
  /** Content-hashed file names never change, so browsers may keep them for a year. */
  immutable: boolean
}

/**
 * The H5 build, served the way a CDN would: each file read and compressed once (brotli and gzip),
 * hashed assets cached for a year, everything else revalidated. On a phone over a village's 4G
 * the compressed bytes are what the retailer waits for.
 */
export class Statics {
  private readonly cache = new Map<string, Promise<Asset | null>>()
  private readonly root: string

  constructor(root: string) {
    this.root = normalize(root)
  }

  /** Compresses every file ahead of the first visit. */
  async warm(): Promise<void> {
    const walk = async (dir: string): Promise<string[]> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
      const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))
      return nested.flat()
    }
    for (const file of await walk(this.root)) await this.load(file)
  }

  private load(file: string): Promise<Asset | null> {
    let pending = this.cache.get(file)
    if (!pending) {
      pending = (async () => {
        const info = await stat(file).catch(() => null)
        if (!info?.isFile()) return null
        const raw = await readFile(file)
        const ext = extname(file)
        const asset: Asset = {
          type: TYPES[ext] ?? 'application/octet-stream',
          raw,
          immutable: /\.[0-9a-f]{8,}\./.test(relative(this.root, file)),
        }
        if (COMPRESSIBLE.has(ext) && raw.length > 1024) {
          asset.br = await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          asset.gzip = await gz(raw, { level: 9 })
        }
        return asset
      })()
      this.cache.set(file, pending)
    }
    return pending
  }

  /** Serves `urlPath` (the app's index for `/`); resolves false when there is no such file. */
  async serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
    const wanted = normalize(join(this.root, decodeURIComponent(urlPath)))
    if (wanted !== this.root && !wanted.startsWith(this.root + sep)) return false
    const asset = (await this.load(wanted)) ?? (await this.load(join(wanted, 'index.html')))
    if (!asset) return false
    const accepts = String(req.headers['accept-encoding'] ?? '')
    const [encoding, body] =
      asset.br && /\bbr\b/.test(accepts) ? ['br', asset.br] : asset.gzip && /\bgzip\b/.test(accepts) ? ['gzip', asset.gzip] : [null, asset.raw]
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': body.length,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
