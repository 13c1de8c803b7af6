export default definePageConfig({
  navigationBarTitleText: '家人帮手',
  // The invite share card (useShareAppMessage) needs the page to allow sharing.
  enableShareAppMessage: true,
})
