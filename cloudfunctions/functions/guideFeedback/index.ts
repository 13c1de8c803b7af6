import { callable } from '../define'
import { recordFeedback } from '../../core/guidance/read'

/** 有用 / 没用 on one strategy of a guide: stored, and counted in `npm run report -- strategies`. */
export default callable({
  name: 'guideFeedback',
  run: (event, { deps, caller }) => recordFeedback(deps, caller, event),
})
