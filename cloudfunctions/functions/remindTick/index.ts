import { timer } from '../define'
import { REMIND_TICK_CRON, REMIND_TICK_TIMEOUT_S, remindTick } from '../../core/reminders/tick'
import type { TickShare } from '../../contracts/results'

/** A worker's event: the timer's own shape, with the share of the instant it takes. */
export interface TickWorkerEvent {
  Type: 'Timer'
  TriggerName: 'remindTickWorker'
  share: TickShare
}

const isBound = (value: unknown): value is string | null => value === null || typeof value === 'string'

/** The share a worker event carries; null for the trigger's own event. */
export const shareOf = (event: unknown): TickShare | null => {
  if (typeof event !== 'object' || event === null || !('share' in event)) return null
  const share = (event as { share: unknown }).share
  if (typeof share !== 'object' || share === null) return null
  const { from, to } = share as Record<string, unknown>
  return isBound(from) && isBound(to) ? { from, to } : null
}

/** The reminder timer; sends subscribe messages, hence the open API permission. */
export default timer({
  name: 'remindTick',
  cron: REMIND_TICK_CRON,
  timeoutSeconds: REMIND_TICK_TIMEOUT_S,
  openapi: ['subscribeMessage.send'],
  run: ({ deps, event }) => remindTick(deps, { share: shareOf(event) ?? undefined }),
})
