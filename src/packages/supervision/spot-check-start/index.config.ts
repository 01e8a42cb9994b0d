export default definePageConfig({
  navigationBarTitleText: '发起抽查',
})
