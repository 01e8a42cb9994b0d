export default definePageConfig({
  navigationBarTitleText: '发布工作通知',
})
