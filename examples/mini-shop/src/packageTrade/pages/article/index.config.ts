export default definePageConfig({ navigationBarTitleText: '会员文章' })
