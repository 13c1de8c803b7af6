import { LICENSE_PATTERN } from '@contracts/vocabulary'
import { useState } from 'react'
import { Button, Input, Text, View, type ButtonProps, type BaseEventOrig } from '@tarojs/components'
import { bindRetailer } from '@/services/binding'
import { goTo, openPage } from '@/lib/routes'
import { errorTextOf } from '@/lib/errorText'
import { phoneButtonText } from '@words/binding'

/**
 * 绑定店铺: the license number plus the phone number on the company's record. In WeChat the phone
 * comes from the getPhoneNumber button (its code is decoded by the function); on the local host
 * the typed number stands in for that code.
 */
export default function Bind() {
  const [licenseNo, setLicenseNo] = useState('')
  const [phone, setPhone] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (phoneCode: string) => {
    if (!LICENSE_PATTERN.test(licenseNo)) return setError('许可证号应为 12 位数字')
    setBusy(true)
    setError('')
    try {
      await bindRetailer(licenseNo, phoneCode)
      goTo('home')
    } catch (failure) {
      setError(errorTextOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const onPhoneNumber = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code } = event.detail
    // No code: the user declined, the privacy guide was not agreed to, or the phone quota is used up.
    if (!code) return setError(phoneButtonText(event.detail as { errno?: number; errMsg?: string }))
    void submit(code)
  }

  return (
    <View className='page bind'>
      <View className='card'>
        <Text className='title'>绑定您的店铺</Text>
        <Text className='line muted'>请输入烟草专卖零售许可证号，并用店铺登记的手机号核对身份。</Text>

        <Text className='field-label'>许可证号</Text>
        <Input
          className='field license-input'
          type='number'
          maxlength={12}
          placeholder='12 位数字'
          value={licenseNo}
          onInput={(e) => setLicenseNo(e.detail.value.trim())}
          aria-label='许可证号'
        />

        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='btn btn-primary' openType='getPhoneNumber' onGetPhoneNumber={onPhoneNumber} loading={busy} disabled={busy}>
            授权手机号并绑定
          </Button>
        ) : (
          <View>
            <Text className='field-label'>手机号</Text>
            <Input
              className='field phone-input'
              type='number'
              maxlength={11}
              placeholder='店铺登记的手机号'
              value={phone}
              onInput={(e) => setPhone(e.detail.value.trim())}
              aria-label='手机号'
            />
            <Button className='btn btn-primary bind-submit' onClick={() => void submit(phone)} disabled={busy}>
              绑定
            </Button>
          </View>
        )}

        {error !== '' && <Text className='error-text bind-error'>{error}</Text>}
      </View>
      <View className='card'>
        <Text className='line muted'>不是店主，是来帮家人或邻居的？</Text>
        <Button className='btn open-invite-entry' onClick={() => openPage('invite')}>
          输入邀请码
        </Button>
      </View>
    </View>
  )
}
