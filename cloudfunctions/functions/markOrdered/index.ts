import { callable } from '../define'
import { markOrdered } from '../../core/orders'

/** 我已订货 for the caller's shop, or 家人已代订 for `retailer`, a shop the caller helps with `order`. */
export default callable({
  name: 'markOrdered',
  run: ({ retailer }, { deps, caller }) => markOrdered(deps, caller, retailer),
})
