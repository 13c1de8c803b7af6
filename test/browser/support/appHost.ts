import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startTestHost, type TestHost } from '../../support/localHome'
import { copyOfTemplate } from './seedTemplate'

export const H5_BUILD = resolve('dist-h5')

/** The local host serving the real H5 build over a copy of the fully seeded demo county. */
export const startAppHost = async (): Promise<TestHost> => {
  if (!existsSync(resolve(H5_BUILD, 'index.html'))) throw new Error('No H5 build: run `npm run build:h5` (npm test does it).')
  return startTestHost({ staticDir: H5_BUILD, dataDir: copyOfTemplate(), seed: false })
}
