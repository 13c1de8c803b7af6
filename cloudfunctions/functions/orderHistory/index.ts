import { callable } from '../define'
import { orderHistory } from '../../core/orders'

/** The last 8 closed cycles: 已订货 / 家人已代订 / 未订货, with the cartons and amount bought. */
export default callable({
  name: 'orderHistory',
  run: ({ retailer }, { deps, caller }) => orderHistory(deps, caller, retailer),
})
