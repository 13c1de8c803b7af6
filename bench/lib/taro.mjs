import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Production builds with Taro from the root's node_modules. The blank fixture has no
 * node_modules of its own: a symlink to the root's lets Taro, Babel and webpack resolve everything
 * from the fixture's directory exactly as in a generated project. It lives only for the run
 * (git would list a symlink as a new file); the returned function removes it.
 */
export const linkRootModules = (root, appDir) => {
  const link = join(appDir, 'node_modules')
  if (existsSync(link) || isLink(link)) return () => undefined
  symlinkSync(relative(appDir, join(root, 'node_modules')), link, 'dir')
  return () => rmSync(link, { force: true })
}

const isLink = (path) => {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * The root's browserslist, so the blank app is compiled for the same targets as ShopMate and the
 * ratio measures the app, not the transpilation target.
 */
export const rootBrowserslist = (root) => {
  const list = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).browserslist
  return Array.isArray(list) ? list.join(', ') : undefined
}

export const buildTaro = (procs, { root, appDir, type, log, env = {} }) =>
  procs.run(join(root, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: appDir,
    log,
    env: { NODE_ENV: 'production', ...env },
  })
