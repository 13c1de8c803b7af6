import { callable } from '../define'
import { addConsents } from '../../core/reminders/consents'

/** Called after requestSubscribeMessage with the templates the user accepted on that tap. */
export default callable({
  name: 'addConsents',
  run: ({ templates }, { deps, caller }) => addConsents(deps, caller, templates),
})
