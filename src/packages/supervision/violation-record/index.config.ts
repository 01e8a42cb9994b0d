export default definePageConfig({
  navigationBarTitleText: '记录违规',
})
