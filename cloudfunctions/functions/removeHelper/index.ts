import { callable } from '../define'
import { removeHelper } from '../../core/helpers/manage'

export default callable({
  name: 'removeHelper',
  run: ({ helperId }, { deps, caller }) => removeHelper(deps, caller, helperId),
})
