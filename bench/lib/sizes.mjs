import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'

/**
 * What WeChat uploads: the compiled kinds (js, json, wxml, wxss) and its whitelist of other
 * suffixes. Anything else (e.g. webpack's *.LICENSE.txt) stays on disk and never ships; the
 * DevTools project files are not part of the package either.
 */
const UPLOADED = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.cer', '.mp3', '.aac', '.m4a', '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cert'])
const NOT_PACKAGE = new Set(['project.config.json', 'project.private.config.json'])

const listFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })

/** Subpackage roots from a weapp build's app.json (both spellings WeChat accepts). */
export const subpackageRoots = (distDir) => {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((pkg) => pkg.root.replace(/^\/+|\/+$/g, ''))
}

/** The main package of a weapp build: every uploaded file outside the subpackage roots. */
export const mainPackage = (distDir, prefixes = []) => {
  const roots = subpackageRoots(distDir)
  const result = { bytes: 0, files: 0, skippedBytes: 0, subpackageBytes: 0, bytesByRoot: Object.fromEntries(roots.map((root) => [root, 0])), byPrefix: Object.fromEntries(prefixes.map((p) => [p, 0])), roots, largest: [] }
  const sizes = []
  for (const path of listFiles(distDir)) {
    const rel = relative(distDir, path).split(sep).join('/')
    const bytes = statSync(path).size
    if (!UPLOADED.has(extname(path)) || NOT_PACKAGE.has(rel)) result.skippedBytes += bytes
    else if (roots.some((root) => rel === root || rel.startsWith(`${root}/`))) {
      result.subpackageBytes += bytes
      result.bytesByRoot[roots.find((root) => rel === root || rel.startsWith(`${root}/`))] += bytes
    }
    else {
      result.bytes += bytes
      result.files += 1
      for (const prefix of prefixes) if (rel.startsWith(prefix)) result.byPrefix[prefix] += bytes
      sizes.push({ file: rel, bytes })
    }
  }
  result.largest = sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 5)
  return result
}
