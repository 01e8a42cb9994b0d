export default definePageConfig({
  navigationBarTitleText: '账号台账',
})
