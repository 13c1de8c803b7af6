import { Button, Text, View } from '@tarojs/components'
import { useRetailer } from './useRetailer'
import { CareModeCard } from './CareModeCard'
import { goTo, openPage } from '@/lib/routes'
import { signOut } from '@/services/identity'
import { PageRoot } from '@/components/PageRoot'
import './index.scss'
import { LoadState } from '@/components/LoadState'

const switchIdentity = () => {
  signOut()
  goTo('signIn')
}

/** 我的: the bound shop, its reminders, helpers and messages, 长辈模式, and (local host only) switching demo identity. */
export default function Me() {
  const { load, retry } = useRetailer()
  const retailer = load.state === 'ready' ? load.data : null
  return (
    <PageRoot className='me'>
      <LoadState load={load} onRetry={retry} />
      {load.state === 'ready' && retailer === null && (
        <View className='card'>
          <Text className='title'>尚未绑定店铺</Text>
          <Button className='btn btn-primary' onClick={() => goTo('bind')}>
            去绑定店铺
          </Button>
        </View>
      )}
      {retailer && (
        <View className='card shop-card'>
          <Text className='shop-name title'>{retailer.shopName}</Text>
          <Text className='license line muted'>{`许可证号：${retailer.licenseNo}`}</Text>
        </View>
      )}
      <View className='card me-menu'>
        {retailer && (
          <>
            <Button className='btn menu-item open-reminders' onClick={() => openPage('reminders')}>
              提醒设置
            </Button>
            <Button className='btn menu-item open-helpers' onClick={() => openPage('helpers')}>
              家人帮手
            </Button>
          </>
        )}
        <Button className='btn menu-item open-inbox' onClick={() => openPage('inbox')}>
          消息
        </Button>
        <Button className='btn menu-item open-family' onClick={() => openPage('family')}>
          我帮忙的店铺
        </Button>
      </View>
      <CareModeCard />
      {process.env.TARO_ENV === 'h5' && (
        <Button className='btn switch-identity' onClick={switchIdentity}>
          切换身份
        </Button>
      )}
    </PageRoot>
  )
}
