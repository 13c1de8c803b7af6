import { callable } from '../define'
import { createInvite } from '../../core/helpers/invites'

export default callable({
  name: 'createInvite',
  run: (request, { deps, caller }) => createInvite(deps, caller, request),
})
