export default definePageConfig({
  navigationBarTitleText: '导入企业微信统计',
})
