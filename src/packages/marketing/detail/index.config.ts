export default definePageConfig({
  navigationBarTitleText: '营销素材',
  enablePullDownRefresh: true,
})
