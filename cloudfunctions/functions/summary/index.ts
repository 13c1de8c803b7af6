import { callable } from '../define'
import { getSummary } from '../../core/insights/summary'

export default callable({
  name: 'summary',
  run: (event, { deps, caller }) => getSummary(deps, caller, event),
})
