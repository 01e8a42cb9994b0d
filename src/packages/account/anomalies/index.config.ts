export default definePageConfig({
  navigationBarTitleText: '异常报告',
})
