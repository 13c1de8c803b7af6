export default definePageConfig({ navigationBarTitleText: '订货建议' })
