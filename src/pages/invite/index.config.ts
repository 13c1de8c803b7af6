export default definePageConfig({ navigationBarTitleText: '家人帮手邀请' })
