import { callable } from '../define'
import { helperLog } from '../../core/helpers/log'

export default callable({
  name: 'helperLog',
  run: (_event, { deps, caller }) => helperLog(deps, caller),
})
