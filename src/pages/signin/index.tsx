import { Button, Text, View } from '@tarojs/components'
import { fetchDemoIdentities } from '@/services/signin'
import { newDevOpenId, signInAs } from '@/services/identity'
import { goTo } from '@/lib/routes'
import { useLoader } from '@/lib/useLoader'
import './index.scss'
import { LoadState } from '@/components/LoadState'

const actAs = (openId: string) => {
  signInAs(openId)
  goTo('home')
}

const startAsNewUser = () => {
  signInAs(newDevOpenId())
  goTo('bind')
}

/** H5 only (local host): act as one of the demo WeChat users, or as a new one who still has to bind. */
export default function SignIn() {
  const { load, retry } = useLoader(fetchDemoIdentities)
  const list = load.state === 'ready' ? load.data : null

  return (
    <View className='page signin'>
      <Text className='title'>选择演示身份</Text>
      <Text className='line muted'>本地演示用：点选一位零售户，以他的微信身份进入。</Text>
      <LoadState load={load} onRetry={retry} />
      {list?.identities.map((identity) => (
        <Button key={identity.openId} className='identity-card' onClick={() => actAs(identity.openId)}>
          <Text className='identity-shop'>{identity.shopName}</Text>
          <Text className='identity-openid'>{identity.openId}</Text>
          <Text className='identity-label'>{identity.label}</Text>
        </Button>
      ))}
      {list && (
        <Button className='identity-card new-user' onClick={startAsNewUser}>
          <Text className='identity-shop'>新用户</Text>
          <Text className='identity-label'>{`用新的微信身份绑定店铺，例如许可证号 ${list.newUser.licenseNo}，手机号 ${list.newUser.phone}`}</Text>
        </Button>
      )}
    </View>
  )
}
