import type { DemoIdentities } from '../../cloudfunctions/contracts/dev'
import { getLocal } from './client'

export type { DemoIdentities }

/** H5 only: the demo identities the local host offers, and an unbound shop to try binding with. */
export const fetchDemoIdentities = (): Promise<DemoIdentities> => getLocal<DemoIdentities>('/dev/identities')
