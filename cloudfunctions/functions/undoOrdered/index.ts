import { callable } from '../define'
import { undoOrdered } from '../../core/orders'

/** Undoes 我已订货 / 家人已代订 while the window is open; a helper's undo is logged for the owner. */
export default callable({
  name: 'undoOrdered',
  run: ({ retailer }, { deps, caller }) => undoOrdered(deps, caller, retailer),
})
