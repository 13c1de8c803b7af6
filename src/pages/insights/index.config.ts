export default definePageConfig({
  navigationBarTitleText: '经营',
  // Pull to refresh is WeChat's gesture; in the browser its JS wrapper costs more than a reload does.
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
