import { timer } from '../define'
import { buildMonth, MONTHLY_GUIDE_CRON, previousMonth } from '../../core/guidance/build'

/**
 * Builds last month's guides for the whole pool at 09:00 on the 3rd (China time) and tells each
 * retailer once. Fired again — twice, after dying half-way, or at the next hour of the 3rd — it
 * finishes the same build; a finished month answers from its record.
 */
export default timer({
  name: 'monthlyGuide',
  cron: MONTHLY_GUIDE_CRON,
  openapi: ['subscribeMessage.send'],
  // A province's month takes minutes: the most CloudBase allows, and the hourly re-fire finishes the rest.
  timeoutSeconds: 900,
  run: ({ deps }) => buildMonth(deps, { month: previousMonth(deps.clock.now().getTime()) }),
})
