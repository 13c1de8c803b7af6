import { callable } from '../define'
import { listInbox } from '../../core/reminders/inbox'

/** 我的 → 消息: the reminders addressed to the caller, and what became of each. */
export default callable({
  name: 'inbox',
  run: (_event, { deps, caller }) => listInbox(deps, caller),
})
