export default definePageConfig({ navigationBarTitleText: '盈利单', enableShareAppMessage: true })
