import { timer } from '../define'
import { buildMonth, MONTHLY_GUIDE_CRON, previousMonth } from '../../core/guidance/build'

/**
 * Builds last month's guides for the whole pool at 09:00 on the 3rd (China time) and tells each
 * retailer once. Fired again — twice, or after dying half-way — it finishes the same build.
 */
export default timer({
  name: 'monthlyGuide',
  cron: MONTHLY_GUIDE_CRON,
  openapi: ['subscribeMessage.send'],
  run: ({ deps }) => buildMonth(deps, { month: previousMonth(deps.clock.now().getTime()) }),
})
