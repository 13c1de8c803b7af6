import { callable } from '../define'
import { getModelStore } from '../../core/learning/service'

export default callable({
  name: 'modelStore',
  run: (event, { deps, caller }) => getModelStore(deps, caller, event),
})
