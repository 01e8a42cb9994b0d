export default definePageConfig({
  navigationBarTitleText: '抽查评分',
  enablePullDownRefresh: true,
})
