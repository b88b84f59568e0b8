export { useCart, useCartActions, useCartLine, useCartLineIds } from './cart/useCart'
export { useCartQuote } from './cart/useCartQuote'
export { type UseCheckoutOptions, type UseCheckoutResult, useCheckout } from './checkout/useCheckout'
export {
  type CheckoutForm,
  type CheckoutFormLine,
  type CheckoutPriceChange,
  type UseCheckoutFormOptions,
  useCheckoutForm,
} from './checkout/useCheckoutForm'
export {
  LocaleProvider,
  type LocaleProviderProps,
  type LocaleValue,
  useCurrentLocale,
  useLocale,
  useTranslate,
} from './locale/LocaleProvider'
export { useFormatMoney } from './locale/useFormatMoney'
export {
  type UseEntitlementResult,
  type UseMembershipResult,
  useEntitlement,
  useMembership,
} from './membership/useMembership'
export { type BuyAgainState, type UseBuyAgainResult, useBuyAgain } from './orders/useBuyAgain'
export {
  type UseOrderResult,
  type UseOrdersResult,
  useOrder,
  useOrderPayment,
  useOrders,
} from './orders/useOrders'
export { type RefundFieldError, type UseRefundResult, useRefund } from './orders/useRefund'
export { CartProvider, type CartProviderProps } from './provider/CartProvider'
export { TradeProvider, type TradeProviderProps } from './provider/TradeProvider'
export { type UseTradeEventsResult, useTradeEvents, useViewItem } from './provider/useTradeEvents'
export { usePaymentChannels } from './purchase/usePaymentChannels'
export { usePurchaseMode } from './purchase/usePurchaseMode'
export { type EqualityFn, type ExternalStore, shallowEqual, useStoreSelector } from './store/useStoreSelector'
