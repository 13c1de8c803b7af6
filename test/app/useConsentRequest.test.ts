/** @jest-environment jsdom */
import { act } from 'react'
import type { ConsentsData } from '@contracts'
import { ClientError } from '@/services/client'
import { askForReminders } from '@/services/reminders'
import { useConsentRequest, type ConsentRequest } from '@/lib/useConsentRequest'
import { renderHook } from './renderHook'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('@/services/reminders', () => ({ askForReminders: jest.fn() }))
const ask = askForReminders as jest.MockedFunction<typeof askForReminders>

const consents = (left: number): ConsentsData => ({ template: 'orderReminder', left, templateId: 'tmpl-from-functions' })

const mount = (request: ConsentRequest) => {
  const { result, unmount } = renderHook(() => useConsentRequest(request))
  return { hook: result, unmount }
}

const tap = async (hook: () => ReturnType<typeof useConsentRequest>) => {
  await act(async () => {
    await hook().ask()
  })
}

beforeEach(() => ask.mockReset())

describe('the one consent-request tap', () => {
  it('asks nothing until tapped', () => {
    const { unmount } = mount({ templateId: 'tmpl-from-functions', declined: 'no', accepted: () => 'yes' })
    expect(ask).not.toHaveBeenCalled()
    unmount()
  })

  it('asks WeChat once per tap, then runs what the page does with the consents and shows its note', async () => {
    ask.mockResolvedValue(consents(3))
    const accepted = jest.fn(async (c: ConsentsData) => `还可提醒 ${c.left} 次`)
    const { hook, unmount } = mount({ templateId: 'tmpl-from-functions', declined: '没有开启', accepted })
    await tap(hook)
    expect(ask).toHaveBeenCalledTimes(1)
    expect(accepted).toHaveBeenCalledWith(consents(3))
    expect(hook().note).toBe('还可提醒 3 次')
    unmount()
  })

  it('says the page’s words when the user declines, and does nothing else', async () => {
    ask.mockResolvedValue(null)
    const accepted = jest.fn()
    const { hook, unmount } = mount({ templateId: 'tmpl-from-functions', declined: '没有开启', accepted })
    await tap(hook)
    expect(accepted).not.toHaveBeenCalled()
    expect(hook().note).toBe('没有开启')
    unmount()
  })

  it('says a failure in the functions’ words, whether asking or acting on the answer failed', async () => {
    ask.mockRejectedValueOnce(new ClientError('RATE_LIMITED', '操作太频繁，请稍后再试'))
    ask.mockResolvedValueOnce(consents(1))
    const { hook, unmount } = mount({
      templateId: 'tmpl-from-functions',
      declined: '没有开启',
      accepted: async () => {
        throw new ClientError('NETWORK', '网络连接失败，请检查网络后重试')
      },
    })
    await tap(hook)
    expect(hook().note).toBe('操作太频繁，请稍后再试')
    await tap(hook)
    expect(hook().note).toBe('网络连接失败，请检查网络后重试')
    unmount()
  })

  it('clears the last note when tapped again, and leaves none after an accepted tap with nothing to say', async () => {
    ask.mockResolvedValueOnce(null).mockResolvedValueOnce(consents(2))
    const { hook, unmount } = mount({ templateId: 'tmpl-from-functions', declined: '没有增加', accepted: () => undefined })
    await tap(hook)
    expect(hook().note).toBe('没有增加')
    await tap(hook)
    expect(hook().note).toBe('')
    unmount()
  })

  it('asks WeChat for the template id the functions returned with the page, for the template the page names', async () => {
    ask.mockResolvedValue(null)
    const { hook, unmount } = mount({ templateId: 'tmpl-from-functions', declined: '', accepted: () => undefined, template: 'orderReminder' })
    await tap(hook)
    expect(ask).toHaveBeenCalledWith('tmpl-from-functions', 'orderReminder')
    unmount()
  })
})

describe('where consent is asked', () => {
  it('is only this hook: no page calls askForReminders itself', () => {
    const { readdirSync, readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs')
    const { join } = jest.requireActual<typeof import('node:path')>('node:path')
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
    const callers = files('src')
      .filter((file) => /\.tsx?$/.test(file) && file !== join('src', 'services', 'reminders.ts'))
      .filter((file) => readFileSync(file, 'utf8').includes('askForReminders'))
    expect(callers).toEqual([join('src', 'lib', 'useConsentRequest.ts')])
  })
})
