export default definePageConfig({
  navigationBarTitleText: '业务群',
  enablePullDownRefresh: true,
})
