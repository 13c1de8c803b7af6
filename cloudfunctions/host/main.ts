import { resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { createHost } from './server'
import { openLocalHome } from './local'
import { seedDemoCounty, copyDefaultMedia, seedLearningCatalogues } from '../seed'
import { recoverImports } from '../core/imports/journal'
import { underImportLease } from '../core/imports/lease'
import { FolderLock, ownerInWords, tryLock } from '../adapters/node/folderLock'
import { DEMO_IDENTITIES, UNBOUND_EXAMPLE } from '../seed/identities'
import { assemblePanoramaViewer } from './panorama/assemble'

/** Thrown with the words the operator reads; nothing else of it is printed. */
class Refused extends Error {}

/** `npm start`: the local host for one county on this laptop. */
const main = async (): Promise<void> => {
  const port = Number(process.env.PORT ?? 8080)
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  const staticDir = resolve(process.env.STATIC_DIR ?? 'dist-h5')
  if (!existsSync(staticDir)) console.warn(`没有找到 H5 构建（${staticDir}），请先运行 npm run build:h5`)

  // One writer per data folder: this host, or an import, or another host — never two.
  const lock = await tryLock(dataDir, { port, who: '本地服务' })
  if (!(lock instanceof FolderLock)) {
    throw new Refused(`数据目录 ${dataDir} 正在由${ownerInWords(lock)}使用。${lock.port === null ? '请等它做完再启动本地服务。' : `本地服务已经在运行：http://127.0.0.1:${lock.port}`}`)
  }
  process.on('exit', () => lock.release())

  const started = Date.now()
  const home = await openLocalHome(dataDir)
  // An import that died half-way is rolled back before anyone reads the data.
  // Not while another process imports into this folder: its import is running, not stopped.
  const rolledBack = await underImportLease(home.store, '本地服务启动时的导入恢复', () => recoverImports(home.store))
  if (rolledBack > 0) console.log(`已撤销 ${rolledBack} 个未完成的导入`)
  if (await seedDemoCounty(home.store)) console.log(`已生成示范县数据（${Date.now() - started} ms）→ ${dataDir}`)
  // 学习: a folder seeded before the catalogues existed gets them now; the demo media go into DATA_DIR/media.
  if (await seedLearningCatalogues(home.store)) console.log('已载入默认的微课堂和示范店目录')
  const copied = await copyDefaultMedia(dataDir)
  if (copied > 0) console.log(`已把 ${copied} 个示范媒体文件复制到 ${home.mediaDir}`)
  // The AR探店 viewer (pannellum, from node_modules: no CDN), assembled afresh at every start.
  const panoramaDir = resolve(process.env.PANORAMA_DIR ?? '.build/panorama')
  await assemblePanoramaViewer(panoramaDir)

  const server = createHost({ home, staticDir, panoramaDir })
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `端口 ${port} 已被别的程序占用，请换一个端口：PORT=8081 npm start` : `本地服务无法启动：${error.message}`)
    process.exit(2)
  })
  server.listen(port, '127.0.0.1', () => {
    const base = `http://127.0.0.1:${port}`
    console.log(`\n零售伙伴 ShopMate 本地服务已启动：${base}\n`)
    console.log('演示身份（点击直接登录）：')
    for (const { openId, label } of DEMO_IDENTITIES) console.log(`  ${base}/?as=${openId}   ${label}`)
    console.log(`新用户绑定示例：许可证号 ${UNBOUND_EXAMPLE.licenseNo}，手机号 ${UNBOUND_EXAMPLE.phone}\n`)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  // Words, never a stack: a refusal is its sentence; anything else says what failed.
  console.error(error instanceof Refused ? error.message : `本地服务无法启动：${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof Refused ? 2 : 1)
})
