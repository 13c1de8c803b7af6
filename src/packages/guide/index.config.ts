export default definePageConfig({ navigationBarTitleText: '经营指导书', enableShareAppMessage: false })
