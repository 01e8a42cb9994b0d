export default definePageConfig({
  navigationBarTitleText: '申请业务微信',
})
