import { join } from 'node:path'
import Datastore from '@seald-io/nedb'
import type { Clock, Notifier, SubscribeMessage } from '../../core/ports'

export interface OutboxEntry extends SubscribeMessage {
  sentAt: string
}

/**
 * Where subscribe messages go on a laptop: a file next to the store recording every message
 * WeChat would have delivered, so a restart keeps the history and tests read exactly what was sent.
 */
export class Outbox {
  private readonly ds: Datastore
  private seq = 0

  constructor(dir: string) {
    this.ds = new Datastore({ filename: join(dir, 'outbox.db'), autoload: true })
  }

  /** A notifier stamping messages with this clock's time. */
  notifier(clock: Clock): Notifier {
    return {
      send: async (message: SubscribeMessage) => {
        const entry: OutboxEntry = { ...message, sentAt: clock.now().toISOString() }
        await this.ds.insertAsync({ ...entry, recordedAt: Date.now(), seq: this.seq++ })
        return { ok: true }
      },
    }
  }

  /** Newest first, by the time the message was recorded. */
  async list(): Promise<OutboxEntry[]> {
    const rows = (await this.ds.findAsync({}).sort({ recordedAt: -1, seq: -1 })) as unknown as OutboxEntry[]
    return rows.map(({ toOpenId, template, page, data, sentAt }) => ({ toOpenId, template, page, data, sentAt }))
  }
}
