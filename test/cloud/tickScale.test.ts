import { CloudBaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { remindTick } from '../../cloudfunctions/core/reminders/tick'
import { DEFAULT_OFFSETS } from '../../cloudfunctions/core/reminders/plan'
import { repos } from '../../cloudfunctions/core/repos'
import type { Deps, Notifier } from '../../cloudfunctions/core/ports'
import { SimulatedCloudBase } from '../../cloudfunctions/tools/drill/simulatedCloudBase'
import { VirtualTime } from '../../cloudfunctions/tools/drill/virtualTime'
import { localPhones } from '../../cloudfunctions/adapters/local/phones'
import { nodeTokens } from '../../cloudfunctions/adapters/node/tokens'
import { shop, SAT_TO_MON } from '../support/world'

/**
 * The reminder timer at scale, through the real CloudBase store adapter over the simulated
 * database: database errors stay with the shop they hit, a run keeps to its time budget, and one
 * run that cannot finish an instant fans out.
 */
const OPENS = Date.parse('2026-11-21T12:00:00+08:00') // Saturday: the window opens, its first reminder is due

const province = (sim: SimulatedCloudBase, shops: number) => {
  const retailers = Array.from({ length: shops }, (_, i) => shop(i + 1, SAT_TO_MON))
  sim.load('retailers', retailers)
  sim.load('bindings', retailers.map((r, i) => ({ _id: r.licenseNo, openId: `wx-${i + 1}`, boundAt: '2026-11-01T00:00:00+08:00' })))
  sim.load('consents', retailers.map((_, i) => ({ _id: `wx-${i + 1}|orderReminder`, openId: `wx-${i + 1}`, template: 'orderReminder', granted: 3, spent: 0 })))
  sim.load(
    'reminderSchedules',
    retailers.map((r) => ({ _id: r.licenseNo, licenseNo: r.licenseNo, enabled: true, offsets: { ...DEFAULT_OFFSETS }, cursor: OPENS - 3_600_000, nextFireAt: OPENS, version: 1, updatedAt: '' })),
  )
  return retailers
}

const depsOver = (sim: SimulatedCloudBase, now: () => number, sent: string[]): Deps => {
  const notifier: Notifier = { send: async (m) => (sent.push(m.toOpenId), { ok: true }) }
  return { store: new CloudBaseStore(sim.database() as never), clock: { now: () => new Date(now()) }, notifier, phones: localPhones, tokens: nodeTokens }
}

describe('the reminder timer at province scale', () => {
  it('sends everything else when the database fails for some shops, counts those, and sends them on the next run', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const sim = new SimulatedCloudBase()
    const retailers = province(sim, 40)
    const broken = new Set([retailers[3].licenseNo, retailers[17].licenseNo])
    // The claim of those two shops' slots fails as a database error would.
    sim.fault = (action, params) =>
      action === 'database.insertDocument' && params.collectionName === 'reminderSlots' && [...broken].some((license) => String(params.data).includes(license))
        ? Object.assign(new Error('DATABASE_TIMEOUT'), { code: 'DATABASE_TIMEOUT' })
        : null
    const sent: string[] = []
    const report = await remindTick(depsOver(sim, () => OPENS, sent))
    expect(report).toMatchObject({ schedules: 40, sent: 38, errors: 2 })
    expect(sent).toHaveLength(38)
    expect(sent).not.toContain('wx-4')
    // The two stay due; the database back, the next run sends them and nothing twice.
    const db = repos(new CloudBaseStore(sim.database() as never))
    expect((await db.reminderSchedules.find({ nextFireAt: OPENS })).map((s) => s._id).sort()).toEqual([...broken].sort())
    sim.fault = undefined
    const again = await remindTick(depsOver(sim, () => OPENS + 5 * 60_000, sent))
    expect(again).toMatchObject({ sent: 2, errors: 0 })
    expect(sent.sort()).toEqual(retailers.map((_, i) => `wx-${i + 1}`).sort())
    // Each consent spent once, on the consent itself.
    expect(sim.documents('consents').every((c) => c.spent === 1)).toBe(true)
  })

  it('stops starting pages when its time budget is spent, leaving the rest due (and counted) for the next run', async () => {
    const time = new VirtualTime(OPENS)
    const sim = new SimulatedCloudBase({ time, msPerCall: 20, inFlight: 10 })
    province(sim, 1500)
    const sent: string[] = []
    const report = await remindTick(depsOver(sim, () => time.now(), sent), { budgetMs: 100 })
    expect(report).toMatchObject({ pages: 1, sent: 1000, deferred: 500 })
    const next = await remindTick(depsOver(sim, () => time.now(), sent))
    expect(next).toMatchObject({ sent: 500, deferred: 0 })
    expect(new Set(sent).size).toBe(1500)
  })

  it('fans out to workers over license ranges when more are due than one run finishes, each shop reminded once', async () => {
    const sim = new SimulatedCloudBase()
    province(sim, 7000)
    const sent: string[] = []
    const deps = depsOver(sim, () => OPENS, sent)
    const shares: unknown[] = []
    deps.workers = { remindTick: (share) => (shares.push(share), remindTick(deps, { share })) }
    const report = await remindTick(deps)
    expect(report).toMatchObject({ workers: 3, sent: 7000, errors: 0, deferred: 0 })
    expect(shares).toHaveLength(3)
    expect(new Set(sent).size).toBe(7000)
  }, 60_000)
})
