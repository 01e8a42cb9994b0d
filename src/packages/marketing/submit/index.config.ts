export default definePageConfig({
  navigationBarTitleText: '提交营销素材',
})
