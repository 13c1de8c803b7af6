import { callable } from '../define'
import { getCourse } from '../../core/learning/service'

export default callable({
  name: 'course',
  run: (event, { deps, caller }) => getCourse(deps, caller, event),
})
