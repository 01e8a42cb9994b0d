export default definePageConfig({
  navigationBarTitleText: '素材用语设置',
})
