import type { AcceptInviteResult, InvitePreview } from '@contracts'
import { INVITE_CODE_HINT, INVITE_CODE_PATTERN } from '@contracts/vocabulary'
import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageRoot } from '@/components/PageRoot'
import { goTo } from '@/lib/routes'
import { errorTextOf } from '@/lib/errorText'
import { acceptInvite, previewInvite, type InviteRef } from '@/services/helpers'
import { useConsentRequest } from '@/lib/useConsentRequest'
import './index.scss'
import { SCOPE_WORDS } from '@words/helpers'

/**
 * The helper's side of an invite: opened from the share card (the token is in the page query) or
 * by typing the 6-character code the shop owner read out. Shows whose shop and what it allows,
 * then accepts; a helper who will be reminded is offered WeChat's consent on the next tap.
 */
export default function Invite() {
  const token = useRouter().params.token
  const [code, setCode] = useState('')
  const [ref, setRef] = useState<InviteRef | null>(token ? { token } : null)
  const [preview, setPreview] = useState<InvitePreview | null>(null)
  const [name, setName] = useState('')
  const [accepted, setAccepted] = useState<AcceptInviteResult | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const open = async (next: InviteRef) => {
    setBusy(true)
    setError('')
    try {
      setPreview(await previewInvite(next))
      setRef(next)
    } catch (failure) {
      setError(errorTextOf(failure))
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (token) void open({ token })
  }, [token])

  const submitCode = () => {
    const typed = code.trim().toUpperCase()
    if (!INVITE_CODE_PATTERN.test(typed)) return setError(INVITE_CODE_HINT)
    void open({ code: typed })
  }

  const accept = async () => {
    if (!ref || !preview) return
    setBusy(true)
    setError('')
    try {
      setAccepted(await acceptInvite(ref, preview.retailer.licenseNo, name.trim() || undefined))
    } catch (failure) {
      setError(errorTextOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const { ask: receiveReminders, note: consentNote } = useConsentRequest({
    declined: '没有开启，之后可在首页再开',
    accepted: (consents) => `好的，店主到最后一次提醒还没订货时会提醒您（还可提醒 ${consents.left} 次）`,
    templateId: accepted?.templateId ?? null,
  })

  if (accepted) {
    return (
      <PageRoot className='invite'>
        <View className='card invite-accepted'>
          <Text className='title'>{`您已成为${accepted.retailer.shopName}的帮手`}</Text>
          <Text className='line muted'>店主可以随时在“家人帮手”里调整或取消。</Text>
          {accepted.scopes.includes('remind') && (
            <Button className='btn btn-primary receive-reminders' onClick={() => void receiveReminders()}>
              接收订货提醒
            </Button>
          )}
          {consentNote !== '' && <Text className='line consent-note'>{consentNote}</Text>}
          <Button className='btn go-helped-shops' onClick={() => goTo('home')}>
            查看我帮忙的店铺
          </Button>
        </View>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='invite'>
      {!preview && !token && (
        <View className='card'>
          <Text className='title'>输入邀请码</Text>
          <Text className='line muted'>请店主在“我的 → 家人帮手”里生成邀请码，念给您听。</Text>
          <Input
            className='field invite-code-input'
            maxlength={6}
            placeholder='6 位邀请码'
            value={code}
            onInput={(e) => setCode(e.detail.value.toUpperCase())}
            aria-label='邀请码'
          />
          <Button className='btn btn-primary open-invite' onClick={submitCode} disabled={busy}>
            查看邀请
          </Button>
        </View>
      )}
      {preview && (
        <View className='card invite-preview'>
          <Text className='title invite-shop'>{preview.retailer.shopName}</Text>
          <Text className='line'>{`邀请您成为${preview.kind === 'neighbour' ? '结对子邻居' : '家人'}帮手，可以：`}</Text>
          {preview.scopes.map((scope) => (
            <Text key={scope} className='line invite-scope'>{`· ${SCOPE_WORDS[scope]}`}</Text>
          ))}
          <Text className='field-label'>您的称呼（选填，店主会看到）</Text>
          <Input className='field helper-name-input' maxlength={10} placeholder='例如：女儿小燕' value={name} onInput={(e) => setName(e.detail.value)} aria-label='您的称呼' />
          <Button className='btn btn-primary accept-invite' onClick={() => void accept()} disabled={busy}>
            接受邀请
          </Button>
        </View>
      )}
      {busy && !preview && <Text className='line muted'>正在打开邀请…</Text>}
      {error !== '' && <Text className='error-text invite-error'>{error}</Text>}
    </PageRoot>
  )
}
