/** @jest-environment jsdom */
import { act, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ClientError } from '@/services/client'
import { usePullToRefresh, useLoader, type LoaderOptions } from '@/lib/useLoader'
import { renderHook, settle } from './renderHook'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { stopPullDownRefresh: jest.fn() }, usePullDownRefresh: jest.fn() }))

/** A promise the test settles by hand, to order answers the way a slow network does. */
const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const withFetch = <T>(fetch: () => Promise<T>, options?: LoaderOptions) => renderHook(() => useLoader(fetch, options))

describe('the one loader', () => {
  it('loads once on open: loading, then the data', async () => {
    const fetch = jest.fn(async () => ({ shopName: '福满便利店' }))
    const { result, unmount } = withFetch(fetch)
    expect(result().load).toEqual({ state: 'loading' })
    await settle()
    expect(result().load).toEqual({ state: 'ready', data: { shopName: '福满便利店' } })
    expect(fetch).toHaveBeenCalledTimes(1)
    unmount()
  })

  it('keeps the functions’ code and words for a failure, and a plain sentence for anything else', async () => {
    const refused = withFetch(() => Promise.reject(new ClientError('FORBIDDEN', '您没有代订这家店的权限')))
    await settle()
    expect(refused.result().load).toEqual({ state: 'error', error: { code: 'FORBIDDEN', message: '您没有代订这家店的权限' } })
    refused.unmount()

    const broken = withFetch(() => Promise.reject(new TypeError('x is undefined')))
    await settle()
    expect(broken.result().load).toEqual({ state: 'error', error: { code: null, message: '出了点问题，请稍后再试' } })
    broken.unmount()
  })

  it('retries through the loading state', async () => {
    const answers = [deferred<number>(), deferred<number>()]
    let call = 0
    const { result, unmount } = withFetch(() => answers[call++].promise)
    answers[0].reject(new ClientError('NETWORK', '网络连接失败，请检查网络后重试'))
    await settle()
    expect(result().load.state).toBe('error')
    act(() => result().retry())
    expect(result().load).toEqual({ state: 'loading' })
    answers[1].resolve(2)
    await settle()
    expect(result().load).toEqual({ state: 'ready', data: 2 })
    unmount()
  })

  it('reloads with the old data on screen until the new data arrives (pull to refresh)', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let call = 0
    const { result, unmount } = withFetch(() => answers[call++].promise)
    answers[0].resolve('周一')
    await settle()
    let reloaded: Promise<void> = Promise.resolve()
    act(() => {
      reloaded = result().reload()
    })
    expect(result().load).toEqual({ state: 'ready', data: '周一' })
    answers[1].resolve('周二')
    await act(() => reloaded)
    expect(result().load).toEqual({ state: 'ready', data: '周二' })
    unmount()
  })

  it('asks again when the question changes, and drops a slower answer to the old one', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = { month: deferred(), week: deferred() }
    let switchTo: (period: string) => void = () => undefined
    const { result, unmount } = renderHook(() => {
      const [period, setPeriod] = useState('month')
      switchTo = setPeriod
      // A new fetch per question, as pages make with useCallback.
      const [fetches] = useState(() => new Map<string, () => Promise<string>>())
      if (!fetches.has(period)) fetches.set(period, () => answers[period].promise)
      return useLoader(fetches.get(period)!)
    })
    act(() => switchTo('week'))
    expect(result().load).toEqual({ state: 'loading' })
    answers.week.resolve('本周')
    await settle()
    answers.month.resolve('本月')
    await settle()
    expect(result().load).toEqual({ state: 'ready', data: '本周' })
    unmount()
  })

  it('stays as it was when a failure sent the user elsewhere', async () => {
    const leaves = jest.fn((error: unknown) => error instanceof ClientError && error.code === 'NOT_BOUND')
    const { result, unmount } = withFetch(() => Promise.reject(new ClientError('NOT_BOUND', '请先绑定店铺')), { leaves })
    await settle()
    expect(leaves).toHaveBeenCalledTimes(1)
    expect(result().load).toEqual({ state: 'loading' })
    unmount()
  })

  it('applies what an action returned only to loaded data', async () => {
    const answer = deferred<{ left: number }>()
    const { result, unmount } = withFetch(() => answer.promise)
    act(() => result().setData({ left: 9 }))
    expect(result().load).toEqual({ state: 'loading' })
    answer.resolve({ left: 1 })
    await settle()
    act(() => result().setData((data) => ({ left: data.left + 2 })))
    expect(result().load).toEqual({ state: 'ready', data: { left: 3 } })
    act(() => result().setData({ left: 0 }))
    expect(result().load).toEqual({ state: 'ready', data: { left: 0 } })
    unmount()
  })
})

describe('pull to refresh', () => {
  it('reloads on WeChat’s gesture and stops the spinner once the answer is in', async () => {
    const onPull = usePullDownRefresh as jest.MockedFunction<typeof usePullDownRefresh>
    const answer = deferred<void>()
    const { unmount } = renderHook(() => usePullToRefresh(() => answer.promise))
    const pulled = onPull.mock.calls.at(-1)![0]
    act(() => pulled())
    expect(Taro.stopPullDownRefresh).not.toHaveBeenCalled()
    answer.resolve()
    await settle()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1)
    unmount()
  })
})
