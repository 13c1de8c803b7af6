import Taro from '@tarojs/taro'
import type { DataOf, ErrorCode, EventOf, FunctionName, Reply } from '@contracts'
import { devIdentity } from './identity'

/**
 * The one way the mini-program reaches its functions. In WeChat it is `wx.cloud.callFunction`
 * (CloudBase vouches for the caller); in the H5 build it is the local host's HTTP protocol, with
 * the chosen demo identity in X-Dev-OpenId. Pages never call this directly: they use the
 * verb-named service modules next to it.
 */
export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ClientError'
  }
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
const BROKEN_REPLY_MESSAGE = '服务暂时不可用，请稍后再试'

const send = async (name: FunctionName, event: unknown): Promise<unknown> => {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name, data: event as Record<string, unknown> })
    return res.result
  }
  const openId = devIdentity()
  const res = await fetch(`/fn/${name}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', ...(openId ? { 'X-Dev-OpenId': openId } : {}) },
  })
  return res.json().catch(() => undefined)
}

const isReply = (value: unknown): value is Reply<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'

/** Calls function `name`; resolves its `data` or throws a ClientError with the function's Chinese message. */
export const call = async <N extends FunctionName>(name: N, event: EventOf<N>): Promise<DataOf<N>> => {
  let reply: unknown
  try {
    reply = await send(name, event)
  } catch {
    // No answer at all (offline, host down, CloudBase unreachable): the one case worth a retry hint.
    throw new ClientError('NETWORK', NETWORK_MESSAGE)
  }
  if (!isReply(reply)) throw new ClientError('INTERNAL', BROKEN_REPLY_MESSAGE)
  if (!reply.ok) throw new ClientError(reply.error.code, reply.error.message)
  return reply.data as DataOf<N>
}

/** GET a local-host route (H5 build only, e.g. /dev/identities); same error shape as `call`. */
export const getLocal = async <T>(path: string): Promise<T> => {
  let res: Response
  try {
    res = await fetch(path)
  } catch {
    throw new ClientError('NETWORK', NETWORK_MESSAGE)
  }
  if (!res.ok) throw new ClientError('INTERNAL', BROKEN_REPLY_MESSAGE)
  return (await res.json()) as T
}
