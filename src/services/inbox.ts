import type { InboxData } from '@contracts'
import { call } from './client'

/** 我的 → 消息: every reminder sent to the caller, newest first, with what became of it. */
export const fetchInbox = (): Promise<InboxData> => call('inbox', {})
