import { callable } from '../define'
import { getProfitSheet } from '../../core/guidance/read'

/** 二维码盈利单: last month's gross profit per SKU and in total. */
export default callable({
  name: 'profitSheet',
  run: (event, { deps, caller }) => getProfitSheet(deps, caller, event),
})
