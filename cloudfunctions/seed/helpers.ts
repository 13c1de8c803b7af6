import type { DocumentStore } from '../core/ports'
import { repos } from '../core/repos'
import { DEFAULT_OFFSETS } from '../core/reminders/plan'
import { ORDER_REMINDER } from '../core/reminders/content'
import { consentId } from '../core/reminders/consents'
import { helperDocId } from '../core/helpers/access'
import { DEMO_HELPERS, DEMO_RETAILERS } from './identities'
import { HELPER_SCOPES } from '../contracts/vocabulary'

const SEEDED_AT = Date.parse('2026-01-01T00:00:00+08:00')
/** Enough consents for a few weeks of demo ticks without a tap. */
const DEMO_CONSENTS = 20

/**
 * The whole reminder loop with no setup: demo-retailer-1 has reminders on (defaults) with
 * consents held, and demo-family-1 helps that shop with every scope, also holding consents.
 * The schedule has never ticked (cursor null, due at once): the first tick, at whatever clock,
 * looks back two ticks and plans from there.
 */
export const seedDemoHelpers = async (store: DocumentStore): Promise<void> => {
  const db = repos(store)
  const retailer = DEMO_RETAILERS[0]
  await db.reminderSchedules.put({
    _id: retailer.licenseNo,
    licenseNo: retailer.licenseNo,
    enabled: true,
    offsets: { ...DEFAULT_OFFSETS },
    cursor: null,
    nextFireAt: 0,
    version: 1,
    updatedAt: new Date(SEEDED_AT).toISOString(),
  })
  const openIds = [retailer.openId, ...DEMO_HELPERS.map((h) => h.openId)]
  await db.consents.putMany(openIds.map((openId) => ({ _id: consentId(openId, ORDER_REMINDER), openId, template: ORDER_REMINDER, granted: DEMO_CONSENTS, spent: 0 })))
  await db.helpers.putMany(
    DEMO_HELPERS.map(({ openId, helps, name }, i) => ({
      _id: helperDocId(helps, openId),
      helperId: `demo-helper-${String(i + 1).padStart(4, '0')}`,
      licenseNo: helps,
      openId,
      kind: 'family' as const,
      scopes: [...HELPER_SCOPES],
      name,
      addedAt: new Date(SEEDED_AT).toISOString(),
      addedAtMs: SEEDED_AT,
    })),
  )
}
