export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/cart/index',
    'pages/checkout/index',
    'pages/result/index',
    'pages/article/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'TradeKit 小店',
    navigationBarTextStyle: 'black',
  },
})
