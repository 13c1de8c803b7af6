import { openWorld, shop, SAT_TO_MON, type World } from '../support/world'
import { fixedClock } from '../../cloudfunctions/adapters/node/clock'
import { invokeCallable, type CallableDef } from '../../cloudfunctions/functions/define'
import { subscribeNotifier, configFromEnvironment } from '../../cloudfunctions/adapters/cloudbase/notifier'
import home from '../../cloudfunctions/functions/home'
import addConsents from '../../cloudfunctions/functions/addConsents'
import reminderSettings from '../../cloudfunctions/functions/reminderSettings'
import type { FunctionName } from '../../cloudfunctions/contracts'

/**
 * One template id: the functions' configuration (SUBSCRIBE_TEMPLATE_ORDER_REMINDER) is its only
 * source. The notifier sends with it, and every result the app asks consent from carries it, so a
 * build of the app can never ask for another id than the functions send with.
 */
const AT = '2026-11-21T10:00:00+08:00'
const SHOP = shop(1, SAT_TO_MON)

describe('the one template id', () => {
  let world: World
  beforeEach(async () => {
    world = await openWorld([{ retailer: SHOP, owner: 'wx-owner' }])
  })
  afterEach(() => world.close())

  const configured = (env: Record<string, string>) => subscribeNotifier(async () => undefined, configFromEnvironment(env))
  const callWith = <N extends FunctionName>(def: CallableDef<N>, env: Record<string, string>) =>
    invokeCallable(def, {}, { caller: 'wx-owner', deps: { ...world.local.deps(fixedClock(AT)), notifier: configured(env) } })

  it('is what home, reminderSettings and addConsents return, read from the functions’ configuration', async () => {
    const env = { SUBSCRIBE_TEMPLATE_ORDER_REMINDER: 'tmpl-province-7Qx' }
    expect(await callWith(home, env)).toMatchObject({ ok: true, data: { reminders: { templateId: 'tmpl-province-7Qx' } } })
    expect(await callWith(reminderSettings, env)).toMatchObject({ ok: true, data: { templateId: 'tmpl-province-7Qx' } })
    const granted = await invokeCallable(addConsents, { templates: ['orderReminder'] }, { caller: 'wx-owner', deps: { ...world.local.deps(fixedClock(AT)), notifier: configured(env) } })
    expect(granted).toEqual({ ok: true, data: { template: 'orderReminder', left: 1, templateId: 'tmpl-province-7Qx' } })
  })

  it('is null where nothing is configured, and the local host’s outbox needs none', async () => {
    expect(await callWith(home, {})).toMatchObject({ ok: true, data: { reminders: { templateId: null } } })
    expect((await world.ok(home, 'wx-owner', {}, AT)).reminders.templateId).toBeNull()
  })
})
