export default definePageConfig({
  navigationBarTitleText: '违规详情',
  enablePullDownRefresh: true,
})
