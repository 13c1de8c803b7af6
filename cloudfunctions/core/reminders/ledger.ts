import type { Deps, SubscribeMessage } from '../ports'

/** What sending needs: the store (the ledger), the clock and the notifier. */
export type SendDeps = Pick<Deps, 'store' | 'clock' | 'notifier'>
import { repos } from '../repos'

export type Delivery =
  | { outcome: 'sent'; assumed?: true }
  | { outcome: 'noConsent' }
  | { outcome: 'failed'; detail?: string }

/**
 * Sends a message at most once per key, whichever notifier is behind the port.
 *
 * WeChat's subscribeMessage.send has no idempotency key: calling it twice delivers twice. So a
 * ledger entry for the key is written BEFORE the notifier is called and marked done after. If a
 * run dies between the two, the entry stays `sending` and nobody can know whether WeChat got the
 * call; a later run then counts it as sent rather than risk a second message (at most once). A
 * notifier that dedupes by key itself (the local outbox) is simply called again with the same
 * key, which makes the delivery exactly once. A send that failed outright may be retried: the
 * retry takes the entry back with a compare-and-set, so two runs never retry the same key.
 *
 * This lives in the core so the cloud notifier stays a thin call to WeChat and both homes share it.
 */
export const deliverOnce = async (deps: SendDeps, message: SubscribeMessage): Promise<Delivery> => {
  const sends = repos(deps.store).sends
  const startedAt = deps.clock.now().toISOString()
  if (!(await sends.insert({ _id: message.key, state: 'sending', startedAt }))) {
    const entry = await sends.get(message.key)
    if (entry?.state === 'done' && entry.outcome === 'sent') return { outcome: 'sent' }
    if (entry?.state === 'done' && entry.outcome === 'noConsent') return { outcome: 'noConsent' }
    if (entry?.state === 'done') {
      const retaken = await sends.update({ _id: message.key, state: 'done', outcome: 'failed' }, { state: 'sending', startedAt })
      if (retaken === 0) return { outcome: 'sent', assumed: true } // another run is retrying it right now
    } else if (!deps.notifier.dedupesByKey) {
      return { outcome: 'sent', assumed: true }
    }
  }
  const result = await deps.notifier.send(message)
  const delivery: Delivery = result.ok
    ? { outcome: 'sent' }
    : result.reason === 'NO_CONSENT'
      ? { outcome: 'noConsent' }
      : { outcome: 'failed', detail: result.detail }
  await sends.update({ _id: message.key }, { state: 'done', outcome: delivery.outcome, finishedAt: deps.clock.now().toISOString() })
  return delivery
}

/**
 * What became of a key without sending anything (its window has closed): done entries say; an
 * entry still `sending` may have reached WeChat, so it counts as sent; no entry means the
 * notifier was never called.
 */
export const deliveryOf = async (deps: SendDeps, key: string): Promise<Delivery | null> => {
  const entry = await repos(deps.store).sends.get(key)
  if (!entry) return null
  if (entry.state === 'sending') return { outcome: 'sent', assumed: true }
  return entry.outcome === 'sent' ? { outcome: 'sent' } : entry.outcome === 'noConsent' ? { outcome: 'noConsent' } : { outcome: 'failed' }
}
