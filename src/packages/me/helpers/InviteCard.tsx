import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { chinaLabel } from '@words/time'
import { errorTextOf } from '@/lib/errorText'
import { createInvite } from '@/services/helpers'
import { KINDS, SCOPES, toggled } from './scopes'
import type { HelperKind, HelperScope } from '@contracts'

/**
 * Inviting a helper: the owner picks who (家人 / 结对子邻居) and what they may do, then either sends
 * a share card (WeChat only; its path carries a one-time token, made when the card is sent) or
 * shows a 6-character code, large, to read out on the phone.
 */
export function InviteCard() {
  const [kind, setKind] = useState<HelperKind>('family')
  const [scopes, setScopes] = useState<HelperScope[]>(['remind', 'order'])
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)
  const [error, setError] = useState('')
  // The share handler is registered once; it reads the current choice from here.
  const choice = useRef({ kind, scopes })
  choice.current = { kind, scopes }

  useShareAppMessage((share) => {
    if (share.from !== 'button') return { title: '零售伙伴', path: '/pages/index/index' }
    const label = KINDS.find((k) => k.kind === choice.current.kind)?.label ?? '家人'
    const card = createInvite({ via: 'link', ...choice.current }).then((invite) => ({
      title: `${invite.retailer.shopName}邀请您成为${label}帮手`,
      path: `/pages/invite/index?token=${'token' in invite ? invite.token : ''}`,
    }))
    // WeChat waits up to 3 seconds for the card; without a token the card opens the home page.
    return { title: `邀请您成为${label}帮手`, path: '/pages/index/index', promise: card }
  })

  const makeCode = async () => {
    setError('')
    try {
      const invite = await createInvite({ via: 'code', kind, scopes })
      if ('code' in invite) setCode({ code: invite.code, expiresAt: invite.expiresAt })
    } catch (failure) {
      setError(errorTextOf(failure))
    }
  }

  const pickScope = (scope: HelperScope) => {
    const next = toggled(scopes, scope)
    if (next.length > 0) setScopes(next)
    setCode(null)
  }

  return (
    <View className='card invite-card'>
      <Text className='title'>邀请帮手</Text>
      <Text className='field-label'>请谁帮忙</Text>
      <View className='scope-row'>
        {KINDS.map((k) => (
          <Button
            key={k.kind}
            className={`btn kind-toggle kind-${k.kind}${kind === k.kind ? ' is-on' : ''}`}
            onClick={() => {
              setKind(k.kind)
              setCode(null)
            }}
          >
            {kind === k.kind ? `✓ ${k.label}` : k.label}
          </Button>
        ))}
      </View>
      <Text className='field-label'>可以帮您做什么</Text>
      <View className='scope-row'>
        {SCOPES.map(({ scope, label }) => (
          <Button key={scope} className={`btn scope-toggle invite-scope-${scope}${scopes.includes(scope) ? ' is-on' : ''}`} onClick={() => pickScope(scope)}>
            {scopes.includes(scope) ? `✓ ${label}` : `${label}（未开）`}
          </Button>
        ))}
      </View>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn-primary share-invite' openType='share'>
          发微信邀请给家人
        </Button>
      )}
      <Button className='btn make-invite-code' onClick={() => void makeCode()}>
        {code ? '换一个邀请码' : '打电话邀请：生成邀请码'}
      </Button>
      {code && (
        <View className='invite-code-box'>
          <Text className='line'>请对方在“零售伙伴”里点“输入邀请码”，念给他听：</Text>
          <Text className='invite-code'>{code.code}</Text>
          <Text className='line muted'>{`${chinaLabel(Date.parse(code.expiresAt))} 前有效，只能用一次`}</Text>
        </View>
      )}
      {error !== '' && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
