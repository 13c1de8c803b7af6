import { callable } from '../define'
import { listMessages } from '../../core/reminders/messageList'

export default callable({
  name: 'messages',
  run: (_event, { deps, caller }) => listMessages(deps, caller),
})
