export default definePageConfig({
  navigationBarTitleText: '违规记录',
  enablePullDownRefresh: true,
})
