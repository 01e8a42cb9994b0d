export default definePageConfig({
  navigationBarTitleText: '我的抽查结果',
  enablePullDownRefresh: true,
})
