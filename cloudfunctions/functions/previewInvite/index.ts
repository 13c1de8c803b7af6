import { callable } from '../define'
import { previewInvite } from '../../core/helpers/invites'

export default callable({
  name: 'previewInvite',
  run: (ref, { deps, caller }) => previewInvite(deps, caller, ref),
})
