import { callable } from '../define'
import { listModelStores } from '../../core/learning/service'

export default callable({
  name: 'modelStores',
  run: (event, { deps, caller }) => listModelStores(deps, caller, event),
})
