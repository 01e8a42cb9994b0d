export default definePageConfig({
  navigationBarTitleText: '抽查批次',
  enablePullDownRefresh: true,
})
