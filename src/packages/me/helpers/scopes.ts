import type { HelperKind, HelperScope } from '@contracts'

/** How the pages name each scope and helper kind (short, for buttons and lists). */
export const SCOPES: readonly { scope: HelperScope; label: string }[] = [
  { scope: 'remind', label: '接收提醒' },
  { scope: 'order', label: '代为订货' },
  { scope: 'insights', label: '查看经营数据' },
]

export const KINDS: readonly { kind: HelperKind; label: string }[] = [
  { kind: 'family', label: '家人' },
  { kind: 'neighbour', label: '结对子邻居' },
]

/** Adds or removes one scope, keeping the contract's order. */
export const toggled = (scopes: readonly HelperScope[], scope: HelperScope): HelperScope[] =>
  SCOPES.map((s) => s.scope).filter((s) => (s === scope ? !scopes.includes(s) : scopes.includes(s)))
