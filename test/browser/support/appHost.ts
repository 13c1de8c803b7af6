import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { assemblePanoramaViewer } from '../../../cloudfunctions/host/panorama/assemble'
import { startTestHost, type TestHost } from '../../support/localHome'
import { copyOfTemplate } from './seedTemplate'

export const H5_BUILD = resolve('dist-h5')

/** The local host serving the real H5 build over a copy of the fully seeded demo county. */
export const startAppHost = async (): Promise<TestHost> => {
  if (!existsSync(resolve(H5_BUILD, 'index.html'))) throw new Error('No H5 build: run `npm run build:h5` (npm test does it).')
  // The AR探店 viewer, assembled as `npm start` does it, at /panorama/.
  const panoramaDir = mkdtempSync(join(tmpdir(), 'shopmate-panorama-'))
  await assemblePanoramaViewer(panoramaDir)
  return startTestHost({ staticDir: H5_BUILD, dataDir: copyOfTemplate(), seed: false, panoramaDir })
}
