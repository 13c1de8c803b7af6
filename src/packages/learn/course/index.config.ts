export default definePageConfig({ navigationBarTitleText: '微课堂' })
