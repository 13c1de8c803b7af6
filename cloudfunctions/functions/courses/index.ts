import { callable } from '../define'
import { listCourses } from '../../core/learning/service'

export default callable({
  name: 'courses',
  run: (event, { deps, caller }) => listCourses(deps, caller, event),
})
