import type { Load } from '@/lib/useLoader'
import { Loading } from './Loading'
import { ErrorState } from './ErrorState'

/**
 * A page while its data is loading (skeleton blocks and words) or failed to load (the reason and
 * 重试); nothing once it is ready. Every page that loads shows these two states the same way.
 */
export function LoadState<T>({ load, onRetry, blocks, text }: { load: Load<T>; onRetry: () => void; blocks?: string[]; text?: string }) {
  if (load.state === 'loading') return <Loading blocks={blocks} text={text} />
  if (load.state === 'error') return <ErrorState message={load.error.message} onRetry={onRetry} />
  return null
}
