import { join } from 'node:path'
import Datastore from '@seald-io/nedb'
import type { Clock, Notifier, SubscribeMessage } from '../../core/ports'
import { subscribeFields } from '../../words/subscribe'

/** A message as WeChat would have delivered it: the template's fields, written out. */
export interface OutboxEntry {
  key: string
  toOpenId: string
  template: string
  page: string
  data: Record<string, string>
  sentAt: string
}

/**
 * Where subscribe messages go on a laptop: a file next to the store recording every message
 * WeChat would have delivered, so a restart keeps the history and tests read exactly what was sent.
 */
export class Outbox {
  private readonly ds: Datastore
  private seq = 0

  private constructor(dir: string) {
    this.ds = new Datastore({ filename: join(dir, 'outbox.db') })
  }

  static async open(dir: string): Promise<Outbox> {
    const outbox = new Outbox(dir)
    await outbox.ds.loadDatabaseAsync()
    return outbox
  }

  /** A notifier stamping messages with this clock's time. */
  notifier(clock: Clock): Notifier {
    return {
      // The key is the document id: re-sending a key after a crash records nothing new.
      dedupesByKey: true,
      send: async (message: SubscribeMessage) => {
        const entry: OutboxEntry = { key: message.key, toOpenId: message.toOpenId, page: message.page, ...subscribeFields(message.content), sentAt: clock.now().toISOString() }
        try {
          // The key is the document id, so a message re-sent after a crash is recorded once.
          await this.ds.insertAsync({ ...entry, _id: message.key, recordedAt: Date.now(), seq: this.seq++ })
        } catch (error) {
          if ((error as { errorType?: string }).errorType !== 'uniqueViolated') throw error
        }
        return { ok: true }
      },
    }
  }

  /** Newest first, by the time the message was recorded. */
  async list(): Promise<OutboxEntry[]> {
    const rows = (await this.ds.findAsync({}).sort({ recordedAt: -1, seq: -1 })) as unknown as OutboxEntry[]
    return rows.map(({ key, toOpenId, template, page, data, sentAt }) => ({ key, toOpenId, template, page, data, sentAt }))
  }
}
