import { callable } from '../define'
import { acceptInvite } from '../../core/helpers/invites'

export default callable({
  name: 'acceptInvite',
  run: ({ retailer, name, ...ref }, { deps, caller }) => acceptInvite(deps, caller, ref, retailer, name),
})
