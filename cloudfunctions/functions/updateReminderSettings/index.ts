import { callable } from '../define'
import { updateReminderSettings } from '../../core/reminders/settings'

export default callable({
  name: 'updateReminderSettings',
  run: (change, { deps, caller }) => updateReminderSettings(deps, caller, change),
})
