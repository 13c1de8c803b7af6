import { callable } from '../define'
import { reportCourseProgress } from '../../core/learning/service'

export default callable({
  name: 'courseProgress',
  run: (event, { deps, caller }) => reportCourseProgress(deps, caller, event),
})
