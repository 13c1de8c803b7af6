/** What the local host's dev-only routes answer (H5 on a laptop; never deployed). */

export interface DemoIdentity {
  openId: string
  /** The retailer's own shop, or for a helper the shop they help. */
  shopName: string
  label: string
  role: 'retailer' | 'helper'
}

/** GET /dev/identities: the demo identities, and an unbound retailer to try binding with. */
export interface DemoIdentities {
  identities: DemoIdentity[]
  newUser: { licenseNo: string; phone: string }
}
