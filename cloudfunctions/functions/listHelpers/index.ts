import { callable } from '../define'
import { listHelpers } from '../../core/helpers/manage'

export default callable({
  name: 'listHelpers',
  run: (_event, { deps, caller }) => listHelpers(deps, caller),
})
