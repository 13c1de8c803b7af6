import { timer } from '../define'
import { CLEANUP_CRON, cleanup } from '../../core/retention'

/** The monthly cleanup: deletes what no promise needs any more (core/retention.ts). */
export default timer({
  name: 'cleanup',
  cron: CLEANUP_CRON,
  run: ({ deps }) => cleanup(deps),
})
