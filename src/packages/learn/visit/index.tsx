import { Text, View, WebView } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageRoot } from '@/components/PageRoot'
import { viewerUrl } from '../visit'

/** A query value as the page got it: WeChat hands it over still percent-encoded, Taro's H5 router decoded. */
const param = (value: string | undefined): string => {
  if (!value || !/%[0-9A-Fa-f]{2}/.test(value) || /^[a-z]+:\/\//i.test(value)) return value ?? ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** `/packages/learn/visit/index?src=<panorama URL>&title=…`: AR探店 in WeChat's web-view (README: business domain). */
export default function Visit() {
  const { params } = useRouter()
  const base = process.env.TARO_APP_PANORAMA_URL
  const src = param(params.src)
  const title = param(params.title)
  if (!base || !src) {
    return (
      <PageRoot className='learn-visit'>
        <View className='card'>
          <Text className='error-text'>{base ? '没有找到这家示范店的全景' : '未配置全景查看页面地址，请联系客户经理'}</Text>
        </View>
      </PageRoot>
    )
  }
  return <WebView src={viewerUrl(base, src, title)} />
}
