import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { HelperView, HelperScope } from '@contracts'
import { errorTextOf } from '@/lib/errorText'
import { changeHelperScopes, removeHelper } from '@/services/helpers'
import { SCOPES, toggled } from './scopes'
import { HELPER_KIND_WORDS } from '@words/helpers'

/** One helper: kind, each scope as an on/off button (said in words, not only colour), and removal. */
export function HelperCard({ helper, onChanged, onRemoved }: { helper: HelperView; onChanged: (next: HelperView) => void; onRemoved: () => void }) {
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)

  const toggle = async (scope: HelperScope) => {
    const scopes = toggled(helper.scopes, scope)
    if (scopes.length === 0) return setError('至少保留一项；不再需要这位帮手时，请点“移除”')
    setError('')
    try {
      onChanged(await changeHelperScopes({ helperId: helper.helperId, scopes }))
    } catch (failure) {
      setError(errorTextOf(failure))
    }
  }

  const remove = async () => {
    try {
      await removeHelper(helper.helperId)
      onRemoved()
    } catch (failure) {
      setError(errorTextOf(failure))
    }
  }

  return (
    <View className='card helper-card'>
      <Text className='title helper-name'>{helper.name}</Text>
      <Text className='line muted'>{HELPER_KIND_WORDS[helper.kind]}</Text>
      <View className='scope-row'>
        {SCOPES.map(({ scope, label }) => {
          const on = helper.scopes.includes(scope)
          return (
            <Button key={scope} className={`btn scope-toggle scope-${scope}${on ? ' is-on' : ''}`} onClick={() => void toggle(scope)}>
              {on ? `✓ ${label}` : `${label}（未开）`}
            </Button>
          )
        })}
      </View>
      {confirming ? (
        <View className='confirm-remove'>
          <Text className='line'>{`移除后，${helper.name}马上不能再帮您。`}</Text>
          <Button className='btn btn-danger remove-helper-confirm' onClick={() => void remove()}>
            确定移除
          </Button>
          <Button className='btn' onClick={() => setConfirming(false)}>
            不移除
          </Button>
        </View>
      ) : (
        <Button className='btn remove-helper' onClick={() => setConfirming(true)}>
          移除
        </Button>
      )}
      {error !== '' && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
