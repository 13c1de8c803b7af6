import { useCallback, useRef, useState } from 'react'
import type { ConsentsData } from '@contracts'
import { askForReminders, type SubscribeTemplate } from '@/services/reminders'
import { errorTextOf } from './errorText'

export interface ConsentRequest {
  /** What to say when the user declines in WeChat's sheet (or WeChat refuses to ask). */
  declined: string
  /**
   * What the tap does once WeChat said yes and the functions counted the consent (e.g. turn
   * reminders on, update the page); resolves the note to show, or nothing. A failure is said.
   */
  accepted: (consents: ConsentsData) => Promise<string | void> | string | void
  template?: SubscribeTemplate
  /** The WeChat template id the functions returned with the page's data (`templateId`): what WeChat is asked for. */
  templateId: string | null
}

/**
 * The one tap that asks for reminder consent, for every page that offers it. WeChat shows its
 * subscribe sheet only straight from the user's own tap, so `ask` is meant for an onClick and
 * calls requestSubscribeMessage before anything else awaits; nothing here asks on its own. On H5
 * the tap itself is the consent. `note` is the line the page shows under its button; pages with
 * other actions on the same line (the settings switches) write it with `setNote`.
 */
export const useConsentRequest = ({ declined, accepted, template, templateId }: ConsentRequest) => {
  const [note, setNote] = useState('')
  // The page's latest handlers, so `ask` keeps one identity across renders.
  const latest = useRef({ declined, accepted, template, templateId })
  latest.current = { declined, accepted, template, templateId }

  const ask = useCallback(async (): Promise<void> => {
    setNote('')
    try {
      const consents = await askForReminders(latest.current.templateId, latest.current.template)
      if (!consents) return setNote(latest.current.declined)
      setNote((await latest.current.accepted(consents)) ?? '')
    } catch (error) {
      setNote(errorTextOf(error))
    }
  }, [])

  return { ask, note, setNote }
}
