export default definePageConfig({ navigationBarTitleText: 'AR探店' })
