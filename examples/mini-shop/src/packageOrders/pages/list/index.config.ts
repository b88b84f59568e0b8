// Pull to refresh: in mini-programs OrderList's ScrollView has its own refresher; Taro's H5
// ScrollView has none, so on H5 the page itself refreshes on a pull (usePullDownRefresh).
export default definePageConfig({
  navigationBarTitleText: '我的订单',
  ...(process.env.TARO_ENV === 'h5' ? { enablePullDownRefresh: true } : {}),
})
