import { callable } from '../define'
import { reminderSettings } from '../../core/reminders/settings'

export default callable({
  name: 'reminderSettings',
  run: (_event, { deps, caller }) => reminderSettings(deps, caller),
})
