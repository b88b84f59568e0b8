import Taro from '@tarojs/taro'

/**
 * The app's routes. The catalog and the cart are the main package; checkout, the order result and
 * the members' article are the `packageTrade` subpackage (src/app.config.ts), downloaded when first
 * opened, so the TradeKit components only they use do not weigh on the main package.
 */
export const ROUTES = {
  home: '/pages/index/index',
  cart: '/pages/cart/index',
  checkout: '/packageTrade/pages/checkout/index',
  result: '/packageTrade/pages/result/index',
  article: '/packageTrade/pages/article/index',
} as const

/** The checkout of the cart's selection. */
export const cartCheckoutUrl = `${ROUTES.checkout}?from=cart`

/** The checkout of one unit of a sku (buy now). */
export const buyNowUrl = (skuId: string) => `${ROUTES.checkout}?sku=${encodeURIComponent(skuId)}`

/** The result page of an order: the server's view of it. */
export const resultUrl = (orderId: string) => `${ROUTES.result}?orderId=${encodeURIComponent(orderId)}`

/** Back to the catalogue: back when it is below this page, a relaunch otherwise (a deep link). */
export function goHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: ROUTES.home })
}
