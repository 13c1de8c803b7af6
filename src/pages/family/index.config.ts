export default definePageConfig({ navigationBarTitleText: '我帮忙的店铺' })
