export default definePageConfig({
  navigationBarTitleText: '发起账号交接',
})
