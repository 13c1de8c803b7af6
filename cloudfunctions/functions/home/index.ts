import { callable } from '../define'
import { getHome } from '../../core/home'

export default callable({
  name: 'home',
  run: (_event, { deps, caller }) => getHome(deps, caller),
})
