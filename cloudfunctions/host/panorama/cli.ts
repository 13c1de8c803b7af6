import { resolve } from 'node:path'
import { assemblePanoramaViewer } from './assemble'

/** `npm run build:panorama [-- <out dir>]`: the AR探店 viewer, ready to serve (default .build/panorama). */
const out = resolve(process.argv[2] ?? '.build/panorama')
assemblePanoramaViewer(out).then(
  ({ stores, files }) => console.log(`panorama viewer: ${files.length} files, ${Object.keys(stores).length} stores → ${out}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
