import { act, createElement, type ReactNode } from 'react'

/**
 * Renders a hook in a bare component (jsdom test files only) and hands back what it returned on
 * its latest render. react-dom ships no types here (no @types/react-dom): the two calls used are
 * typed by hand.
 */
interface Root {
  render(node: ReactNode): void
  unmount(): void
}
const { createRoot } = jest.requireActual<{ createRoot: (container: Element) => Root }>('react-dom/client')

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export const renderHook = <R>(useHook: () => R) => {
  const seen: { current: R | null } = { current: null }
  function Probe() {
    seen.current = useHook()
    return null
  }
  const root = createRoot(document.createElement('div'))
  act(() => root.render(createElement(Probe)))
  return {
    result: () => seen.current as R,
    rerender: () => act(() => root.render(createElement(Probe))),
    unmount: () => act(() => root.unmount()),
  }
}

/** Lets every settled promise and the renders they cause run. */
export const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
