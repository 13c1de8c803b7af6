/**
 * @jest-environment jsdom
 */
import { IDENTITY_KEY, adoptIdentityFromUrl, devIdentity, newDevOpenId } from '../../src/services/identity'

describe('signing the H5 build in from the address', () => {
  beforeEach(() => localStorage.clear())

  it('/?as=<openid> stores the openid and drops only the as parameter', () => {
    localStorage.setItem('other', 'kept')
    window.history.replaceState(null, '', '/?x=1&as=demo-retailer-4#/pages/me/index')
    adoptIdentityFromUrl()
    expect(devIdentity()).toBe('demo-retailer-4')
    expect(window.location.search).toBe('?x=1')
    expect(window.location.hash).toBe('#/pages/me/index')
    expect(localStorage.getItem('other')).toBe('kept')
  })

  it('an address without as= changes nothing', () => {
    localStorage.setItem(IDENTITY_KEY, 'demo-retailer-2')
    window.history.replaceState(null, '', '/?x=1')
    adoptIdentityFromUrl()
    expect(devIdentity()).toBe('demo-retailer-2')
    expect(window.location.search).toBe('?x=1')
  })

  it('a new user gets a fresh dev- openid each time', () => {
    const a = newDevOpenId()
    const b = newDevOpenId()
    expect(a).toMatch(/^dev-[0-9a-z]+$/)
    expect(a).not.toBe(b)
  })
})
