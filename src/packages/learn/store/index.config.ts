export default definePageConfig({ navigationBarTitleText: '示范店' })
