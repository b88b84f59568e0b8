export default defineAppConfig({
  // The main package, downloaded before the app starts: the catalog (launch page) and the cart.
  pages: ['pages/index/index', 'pages/cart/index'],
  // Checkout, the order result and the members' article, downloaded when one is first opened: the
  // TradeKit components only they use (CheckoutPage, PaymentStatus, Paywall, MembershipSheet…) and
  // their styles stay out of the main package. TradeProvider stays in app.tsx (it resumes pending
  // payments at launch). Routes: src/trade/navigation.ts.
  subPackages: [
    {
      root: 'packageTrade',
      pages: ['pages/checkout/index', 'pages/result/index', 'pages/article/index'],
    },
    // "我的订单" and the order detail (the page Douyin's order entry opens: orderEntrySchema), with
    // the order-centre components only they use (OrderList, OrderCard…).
    {
      root: 'packageOrders',
      pages: ['pages/list/index', 'pages/detail/index'],
    },
    // The product page of a product with specs (gallery, price, the SKU selector in a bottom sheet,
    // services, the action bar) and 我的优惠券 (the coupon wallet), with the components only they use.
    {
      root: 'packageGoods',
      pages: ['pages/product/index', 'pages/coupons/index'],
    },
  ],
  // Both main pages lead to the checkout: fetch the subpackage once they are shown, so it opens
  // without a download (Douyin from base library 1.88.0, WeChat from 2.3.0).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packageTrade', 'packageGoods'] },
    'pages/cart/index': { network: 'all', packages: ['packageTrade'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'TradeKit 小店',
    navigationBarTextStyle: 'black',
  },
})
