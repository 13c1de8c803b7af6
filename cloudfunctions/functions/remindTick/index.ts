import { timer } from '../define'
import { REMIND_TICK_CRON, remindTick } from '../../core/reminders/tick'

/** The reminder timer; sends subscribe messages, hence the open API permission. */
export default timer({
  name: 'remindTick',
  cron: REMIND_TICK_CRON,
  openapi: ['subscribeMessage.send'],
  run: ({ deps }) => remindTick(deps),
})
