export default definePageConfig({ navigationBarTitleText: '绑定店铺' })
