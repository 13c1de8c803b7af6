import { callable } from '../define'
import { saveOrderDraft } from '../../core/insights/suggestedOrder'

/** Keeps the edited suggested order for the cycle to order in, within the month's quota. */
export default callable({
  name: 'saveOrderDraft',
  run: (event, { deps, caller }) => saveOrderDraft(deps, caller, event),
})
