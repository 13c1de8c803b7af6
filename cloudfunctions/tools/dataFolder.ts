import { request } from 'node:http'
import { FolderLock, ownerInWords, readOwner, tryLock, type LockOwner } from '../adapters/node/folderLock'
import { alive } from '../adapters/sqlite/holders'

/**
 * One writer per data folder, for every tool that writes it (`npm run import`, `npm run guide`):
 * when a local host holds the folder the work is handed to it, on the port its lock names whatever
 * PORT says, so the app sees the result at once; otherwise the tool takes the folder and does the
 * work itself. Another tool holding it is waited for, then named.
 */

/** Thrown when nothing answers on the host's port (yet): it may be starting, or just stopped. */
export class NoAnswer extends Error {}

export const DEFAULT_WAIT_MS = 5_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A host holds the folder: it was started with a port. This process's own host counts (tests run one in-process). */
const hostOf = (owner: LockOwner | null): (LockOwner & { port: number }) | null =>
  owner && owner.port !== null && alive(owner.pid) ? (owner as LockOwner & { port: number }) : null

export type FolderWork<T> =
  | { via: 'host'; port: number; result: T }
  | { via: 'store'; result: T }
  | { via: 'busy'; message: string }

export const withDataFolder = async <T>(
  dataDir: string,
  who: string,
  work: { viaHost(port: number): Promise<T>; here(): Promise<T> },
  waitMs = DEFAULT_WAIT_MS,
): Promise<FolderWork<T>> => {
  const deadline = Date.now() + waitMs
  const busy = (owner: LockOwner): FolderWork<T> => ({
    via: 'busy',
    message: `数据目录 ${dataDir} 正在由${ownerInWords(owner)}使用，等了 ${Math.round(waitMs / 1000)} 秒仍未结束。${owner.port === null ? '请等它做完再试。' : '它没有回答，请确认它在运行，或停止它后再试。'}`,
  })
  for (;;) {
    const host = hostOf(readOwner(dataDir))
    if (host) {
      try {
        return { via: 'host', port: host.port, result: await work.viaHost(host.port) }
      } catch (error) {
        if (!(error instanceof NoAnswer)) throw error
        if (Date.now() >= deadline) return busy(host)
        await sleep(100)
        continue
      }
    }
    const lock = await tryLock(dataDir, { port: null, who })
    if (lock instanceof FolderLock) {
      try {
        return { via: 'store', result: await work.here() }
      } finally {
        lock.release()
      }
    }
    if (lock.port !== null) continue // a host took it just now: hand it the work
    if (Date.now() >= deadline) return busy(lock)
    await sleep(100)
  }
}

/**
 * Posts JSON to a /dev route of the local host and follows its NDJSON answer (`{progress}` lines,
 * then the result), calling `onLine` for each; NoAnswer when nothing listens on the port.
 */
export const postNdjson = (port: number, path: string, body: unknown, onLine: (line: Record<string, unknown>) => void): Promise<number> =>
  new Promise((done, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: 'POST', path, headers: { 'content-type': 'application/json' } }, (res) => {
      let buffer = ''
      const read = (line: string) => {
        if (line.trim() === '') return
        try {
          onLine(JSON.parse(line) as Record<string, unknown>)
        } catch {
          onLine({ error: { message: `本地服务的回答无法读取（HTTP ${res.statusCode}）` } })
        }
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const lines = (buffer + chunk).split('\n')
        buffer = lines.pop() ?? ''
        lines.forEach(read)
      })
      res.on('end', () => {
        read(buffer)
        done(res.statusCode ?? 0)
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ? new NoAnswer() : error))
    req.end(JSON.stringify(body))
  })
