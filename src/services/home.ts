import type { HomeData } from '@contracts'
import { call } from './client'

let launchCall: Promise<HomeData> | null = null

/**
 * Starts the home call at app launch, so it travels while the first page's code is still
 * loading instead of after it: on a village's 4G that round trip is most of the wait.
 */
export const prefetchHome = (): void => {
  launchCall = call('home', {})
  launchCall.catch(() => undefined) // the page reports the failure when it takes the answer
}

/** The signed-in retailer's shop card, order window and calendar changes (the launch call's answer once). */
export const fetchHome = (): Promise<HomeData> => {
  const early = launchCall
  launchCall = null
  return early ?? call('home', {})
}
