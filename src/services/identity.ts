/**
 * H5 only: which demo WeChat user this browser acts as. In WeChat the platform knows the user;
 * on a laptop the local host trusts the X-Dev-OpenId header, and this is where it comes from.
 * `/?as=<openid>` signs in (for demo links, docs and audits); 我的 → 切换身份 signs out.
 */
export const IDENTITY_KEY = 'shopmate.devOpenId'

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage disabled by the browser
  }
}

export const devIdentity = (): string | null => storage()?.getItem(IDENTITY_KEY) ?? null

export const signInAs = (openId: string): void => storage()?.setItem(IDENTITY_KEY, openId)

export const signOut = (): void => storage()?.removeItem(IDENTITY_KEY)

/** A fresh openid for the "new user" flow; `dev-` marks it as made on a laptop. */
export const newDevOpenId = (): string => `dev-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36).slice(-4)}`

/**
 * At launch: adopt `?as=<openid>` and drop just that parameter from the address (the rest of the
 * query and the route stay), so a reload after 切换身份 does not sign the old identity back in.
 */
export const adoptIdentityFromUrl = (): void => {
  const url = new URL(window.location.href)
  const openId = url.searchParams.get('as')?.trim()
  if (!openId) return
  signInAs(openId)
  url.searchParams.delete('as')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}
