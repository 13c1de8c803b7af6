export default definePageConfig({ navigationBarTitleText: '销售图表' })
