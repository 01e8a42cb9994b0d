export default definePageConfig({
  navigationBarTitleText: '我的营销素材',
  enablePullDownRefresh: true,
})
