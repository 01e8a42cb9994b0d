export default definePageConfig({
  navigationBarTitleText: '登记业务群',
})
