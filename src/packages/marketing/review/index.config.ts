export default definePageConfig({
  navigationBarTitleText: '素材审核',
  enablePullDownRefresh: true,
})
