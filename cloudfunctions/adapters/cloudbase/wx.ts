import * as cloud from 'wx-server-sdk'

let initialised = false

/**
 * WeChat's server SDK, initialised once per container for the environment the function runs in.
 * Open APIs (subscribe messages, phone numbers) are practical only through it: it signs the calls
 * with the function's own credentials, given the permission listed in the function's config.json.
 */
export const wxCloud = (): typeof cloud => {
  if (!initialised) {
    // DYNAMIC_CURRENT_ENV is a symbol the SDK resolves per call; its typings only admit strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}
