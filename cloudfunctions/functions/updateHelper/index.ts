import { callable } from '../define'
import { updateHelper } from '../../core/helpers/manage'

export default callable({
  name: 'updateHelper',
  run: ({ helperId, scopes }, { deps, caller }) => updateHelper(deps, caller, helperId, scopes),
})
