import type { demoIdentities } from '../../cloudfunctions/seed/identities'
import { getLocal } from './client'

/** What GET /dev/identities answers (typed from the host's own function, so they cannot drift). */
export type DemoIdentities = Awaited<ReturnType<typeof demoIdentities>>

/** H5 only: the demo identities the local host offers, and an unbound shop to try binding with. */
export const fetchDemoIdentities = (): Promise<DemoIdentities> => getLocal<DemoIdentities>('/dev/identities')
