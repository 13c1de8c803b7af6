import { subscribeFields } from '../../words/subscribe'
import type { Notifier, SendOutcome, SubscribeMessage } from '../../core/ports'
import { wxCloud } from './wx'

/** WeChat's answer when the user has no subscription consent left for this template. */
export const NO_CONSENT_ERRCODE = 43101

export type MiniprogramState = 'developer' | 'trial' | 'formal'

/** What `cloud.openapi.subscribeMessage.send` takes (wx-server-sdk turns the keys into snake_case). */
export interface SubscribeSendParams {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: MiniprogramState
}

export interface SubscribeConfig {
  /** The WeChat template id for one of our template names, if configured. */
  templateId(template: string): string | undefined
  miniprogramState: MiniprogramState
}

/** `orderReminder` → `SUBSCRIBE_TEMPLATE_ORDER_REMINDER`. */
export const templateVariable = (template: string): string =>
  `SUBSCRIBE_TEMPLATE_${template.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`

const STATES: readonly MiniprogramState[] = ['developer', 'trial', 'formal']

/**
 * Template ids differ per mini-program account, so they live in the function's environment
 * variables (set in the CloudBase console), never in code.
 */
export const configFromEnvironment = (env: Readonly<Record<string, string | undefined>>): SubscribeConfig => {
  const state = env.MINIPROGRAM_STATE as MiniprogramState | undefined
  return {
    templateId: (template) => env[templateVariable(template)] || undefined,
    miniprogramState: state && STATES.includes(state) ? state : 'formal',
  }
}

const errCodeOf = (error: unknown): number | undefined => {
  const code = (error as { errCode?: unknown } | null)?.errCode
  return typeof code === 'number' ? code : undefined
}

/** Sends subscribe messages through `send`; WeChat's refusals become outcomes, never exceptions. */
export const subscribeNotifier = (send: (params: SubscribeSendParams) => Promise<unknown>, config: SubscribeConfig): Notifier => ({
  templateId: (template) => config.templateId(template),
  async send(message: SubscribeMessage): Promise<SendOutcome> {
    const fields = subscribeFields(message.content)
    const templateId = config.templateId(fields.template)
    if (!templateId) return { ok: false, reason: 'FAILED', detail: `no template id in ${templateVariable(fields.template)}` }
    const data = Object.fromEntries(Object.entries(fields.data).map(([key, value]) => [key, { value }]))
    try {
      await send({ touser: message.toOpenId, templateId, page: message.page, data, miniprogramState: config.miniprogramState })
      return { ok: true }
    } catch (error) {
      const code = errCodeOf(error)
      if (code === NO_CONSENT_ERRCODE) return { ok: false, reason: 'NO_CONSENT' }
      return { ok: false, reason: 'FAILED', detail: code === undefined ? 'send failed' : `errCode ${code}` }
    }
  },
})

/** The notifier of a deployed function. */
export const cloudNotifier = (): Notifier =>
  subscribeNotifier((params) => wxCloud().openapi.subscribeMessage.send(params), configFromEnvironment(process.env))
