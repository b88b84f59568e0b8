import Taro from '@tarojs/taro'

/**
 * The app's routes. The catalog and the cart are the main package; checkout, the order result and
 * the members' article are the `packageTrade` subpackage, "我的订单" and the order detail the
 * `packageOrders` one, the product page and 我的优惠券 the `packageGoods` one (src/app.config.ts),
 * each downloaded when first opened, so the TradeKit components only they use do not weigh on the
 * main package.
 */
export const ROUTES = {
  home: '/pages/index/index',
  cart: '/pages/cart/index',
  checkout: '/packageTrade/pages/checkout/index',
  result: '/packageTrade/pages/result/index',
  article: '/packageTrade/pages/article/index',
  orders: '/packageOrders/pages/list/index',
  /** The order-detail page: the path the Douyin channel's orders send as `orderEntrySchema`. */
  orderDetail: '/packageOrders/pages/detail/index',
  /** The page of a product with specs (`?id=<productId>`). */
  product: '/packageGoods/pages/product/index',
  /** 我的优惠券: the coupon wallet. */
  coupons: '/packageGoods/pages/coupons/index',
} as const

/** The page of a product with specs (the merchant server's `GET /products/:productId`). */
export const productUrl = (productId: string) => `${ROUTES.product}?id=${encodeURIComponent(productId)}`

/**
 * The detail page of an order. It reads `id`: the parameter the merchant server gives Douyin's
 * `orderEntrySchema` (`{ path: 'packageOrders/pages/detail/index', params: { id } }`), so Douyin's
 * own order entry opens the same page.
 */
export const orderDetailUrl = (orderId: string, options: { refund?: boolean } = {}) =>
  `${ROUTES.orderDetail}?id=${encodeURIComponent(orderId)}${options.refund ? '&refund=1' : ''}`

/** The checkout of the cart's selection. */
export const cartCheckoutUrl = `${ROUTES.checkout}?from=cart`

/** The checkout of a sku (buy now): one unit unless `quantity` says more. */
export const buyNowUrl = (skuId: string, quantity = 1) =>
  `${ROUTES.checkout}?sku=${encodeURIComponent(skuId)}${quantity > 1 ? `&quantity=${quantity}` : ''}`

/** The result page of an order: the server's view of it. */
export const resultUrl = (orderId: string) => `${ROUTES.result}?orderId=${encodeURIComponent(orderId)}`

/** Back to the catalogue: back when it is below this page, a relaunch otherwise (a deep link). */
export function goHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: ROUTES.home })
}
