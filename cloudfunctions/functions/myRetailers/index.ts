import { callable } from '../define'
import { myRetailers } from '../../core/helpers/retailers'

/** For a helper: the shops they help, each with its deadline and status. */
export default callable({
  name: 'myRetailers',
  run: (_event, { deps, caller }) => myRetailers(deps, caller),
})
