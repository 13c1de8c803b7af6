import { callable } from '../define'
import { getSuggestedOrder } from '../../core/insights/suggestedOrder'

export default callable({
  name: 'suggestedOrder',
  run: (event, { deps, caller }) => getSuggestedOrder(deps, caller, event),
})
