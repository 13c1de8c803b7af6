import { callable } from '../define'
import { getGuide } from '../../core/guidance/read'

/** 客户数字经营指导书: one month's guide of the caller's shop, or of one they help with `insights`. */
export default callable({
  name: 'guide',
  run: (event, { deps, caller }) => getGuide(deps, caller, event),
})
