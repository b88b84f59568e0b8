// address
export {
  ADDRESS_RECORD_VERSION,
  type AddressBookOptions,
  addressStorageKey,
  forgetAddress,
  loadRememberedAddress,
  rememberAddress,
} from './address/addressBook'
export { needsShippingAddress } from './address/needsShippingAddress'
export {
  type AddressSource,
  type AlipayAddressResult,
  type ChooseAddressResult,
  formatRegion,
  normalizeAddress,
} from './address/normalizeAddress'
export type {
  AddressChoice,
  AddressDraft,
  AddressErrors,
  AddressField,
  AddressPort,
  AddressRegion,
  ShippingAddress,
} from './address/types'
export {
  ADDRESS_DETAIL_MAX,
  ADDRESS_DETAIL_MIN,
  ADDRESS_NAME_MAX,
  isAddressComplete,
  normalizeAddressPhone,
  validateAddress,
} from './address/validateAddress'
// cart
export { cartLineId } from './cart/cartLineId'
export { isLineBlocked } from './cart/cartLines'
export { CART_RECORD_VERSION, type CartRecord } from './cart/cartRecord'
export { type CartOptions, createCart } from './cart/createCart'
export {
  blockingStatus,
  clampQuantity,
  type QuantityRules,
  type QuantityRulesInput,
  quantityRules,
} from './cart/quantityRules'
export {
  BLOCKING_ISSUES,
  type CartAttribute,
  type CartIssue,
  type CartItem,
  type CartItemOptions,
  type CartLine,
  type CartListener,
  type CartOptionValue,
  type CartSnapshot,
  type CartStore,
  type LineIssue,
  type ProductKind,
  type ProductStatus,
  type QuantityIssue,
  type QuantityResult,
} from './cart/types'
// channels
export { type AlipayChannelOptions, type AlipayPayment, alipayChannel } from './channels/alipayChannel'
export { detectChannel } from './channels/detectChannel'
export {
  type DouyinPayChannelOptions,
  type DouyinPayPayment,
  douyinPayChannel,
} from './channels/douyinPayChannel'
export {
  type DouyinTradeChannelOptions,
  type DouyinTradePayment,
  type DouyinTradeState,
  douyinTradeChannel,
} from './channels/douyinTradeChannel'
export {
  type SandboxChannelOptions,
  type SandboxOutcome,
  type SandboxPayment,
  type SandboxStep,
  sandboxChannel,
} from './channels/sandboxChannel'
export { type WechatChannelOptions, type WechatPayment, wechatChannel } from './channels/wechatChannel'
// checkout
export {
  type CheckoutBlocker,
  type CheckoutReadiness,
  type CheckoutReadinessInput,
  checkoutReadiness,
} from './checkout/checkoutReadiness'
export { isMoving, isSettled } from './checkout/checkoutStatus'
export { createCheckout, DEFAULT_CHECKOUT_TIMING, isNetworkError } from './checkout/createCheckout'
export { normalizeContact } from './checkout/normalizeContact'
export { orderLinesOf, priceChangeOf, purchaseKindOf } from './checkout/orderFromCart'
export { type PurchaseMode, payableChannels, purchaseModeFor } from './checkout/purchaseMode'
export type {
  Checkout,
  CheckoutApi,
  CheckoutOptions,
  CheckoutSnapshot,
  CheckoutStatus,
  CheckoutTiming,
  CheckoutUpdate,
  ConfirmProgress,
  ContinuedOrder,
  CreatedOrder,
  LatePaidOrder,
  LifecyclePort,
  OrderContact,
  OrderLine,
  OrderRequest,
  OrderStatus,
  RetryMode,
  SubmitOptions,
} from './checkout/types'
export {
  type ContactErrors,
  type ContactRules,
  normalizePhone,
  validateContact,
} from './checkout/validateContact'
// coupons
export { type CouponWalletOptions, createCouponWallet } from './coupons/createCouponWallet'
export { couponValidity, formatCouponDate } from './coupons/formatValidity'
export {
  type ClaimState,
  type CouponsApi,
  type CouponWallet,
  type CouponWalletSnapshot,
  WALLET_STATUSES,
  type WalletCoupon,
  type WalletStatus,
  type WalletTab,
} from './coupons/types'
// errors
export { ERROR_CODES, isTradeKitErrorCode, type TradeKitErrorCode } from './errors/errorCodes'
export {
  type AnyTradeKitError,
  isTradeKitError,
  TradeKitError,
  type TradeKitErrorData,
  type TradeKitErrorDataMap,
} from './errors/TradeKitError'
// events
export {
  addToCartEvent,
  beginCheckoutEvent,
  checkoutPurchaseEvent,
  purchaseEvent,
  refundEvent,
  removeFromCartEvent,
  repurchaseEvent,
  viewItemEvent,
} from './events/eventMappers'
export {
  type AnalyticsParams,
  analyticsCall,
  type WeAnalysisReport,
  weAnalysisReports,
} from './events/reporters'
export { eventKey, safeEmit } from './events/safeEmit'
export {
  type CheckoutItems,
  type CheckoutTracker,
  createEventHub,
  type EventHub,
  type EventLine,
  trackCart,
  trackCheckout,
} from './events/trackEvents'
export { trackOrders } from './events/trackOrders'
export {
  type AddToCartEvent,
  type BeginCheckoutEvent,
  type PurchaseEvent,
  type RefundEvent,
  type RemoveFromCartEvent,
  type RepurchaseEvent,
  TRADE_EVENT_NAMES,
  type TradeEvent,
  type TradeEventHandler,
  type TradeEventItem,
  type TradeEventName,
  type ViewItemEvent,
} from './events/tradeEvents'
// i18n
export { createTranslator, type TranslatorOptions } from './i18n/createTranslator'
export {
  type AddressMessageKey,
  addressMessages,
  type Catalogue,
  type CheckoutMessageKey,
  type CouponMessageKey,
  checkoutMessages,
  couponMessages,
  type GoodsMessageKey,
  goodsMessages,
  LOCALES,
  type Locale,
  type MembershipMessageKey,
  type MessageKey,
  type Messages,
  membershipMessages,
  type OrderMessageKey,
  orderMessages,
  type SkuMessageKey,
  skuMessages,
  zhCN,
} from './i18n/messages'
export { formatMessage, type MessageParams, type Translate, translatorOf } from './i18n/translate'
// membership
export { createMembership, type MembershipOptions } from './membership/createMembership'
export { type EntitlementView, entitlementView } from './membership/entitlementView'
export {
  divideRoundHalfUp,
  formatPlanPrice,
  formatPricePerDay,
  type PlanPriceTextOptions,
  pricePerDay,
  pricePerUnit,
} from './membership/perPeriodPrice'
export { DAYS_PER_UNIT, type PeriodUnit, type PlanPeriod, periodDays } from './membership/planPeriod'
export type {
  Entitlement,
  Membership,
  MembershipApi,
  MembershipSnapshot,
  MembershipTiming,
  Plan,
  Renewal,
  UnlockOptions,
  UnlockResult,
} from './membership/types'
// money
export { addMoney } from './money/addMoney'
export { allocateMoney } from './money/allocateMoney'
export { compareMoney } from './money/compareMoney'
export { CURRENCIES, type CurrencyFormat, currencyFormat } from './money/currencies'
export { describePrice, type PriceParts, speakMoney } from './money/describePrice'
export { equalMoney } from './money/equalMoney'
export {
  type FormatMoneyOptions,
  formatAmount,
  formatMoney,
  formatMoneyParts,
  type MoneyParts,
} from './money/formatMoney'
export { isZeroMoney } from './money/isZeroMoney'
export { maxMoney } from './money/maxMoney'
export { minMoney } from './money/minMoney'
export { assertMoney, isMoney, type Money, money } from './money/money'
export { multiplyMoney } from './money/multiplyMoney'
export { parseMoney } from './money/parseMoney'
export { BASIS_POINTS, percentOfMoney } from './money/percentOfMoney'
export type { Rounding } from './money/rounding'
export { subtractMoney } from './money/subtractMoney'
export { sumMoney } from './money/sumMoney'
// orders
export {
  type BuyAgainLine,
  type BuyAgainReason,
  type BuyAgainResult,
  buyAgainItems,
  putBackInCart,
  type UnavailableLine,
} from './orders/buyAgain'
export { continuedOrderOf } from './orders/continuedOrderOf'
export { createOrders, DEFAULT_ORDERS_TIMING } from './orders/createOrders'
export { followCheckout } from './orders/followCheckout'
export { mergeOrder, nextRefundStatus } from './orders/mergeOrder'
export {
  isRefusedForGood,
  ORDER_ACTIONS,
  type OrderActionFlags,
  orderActions,
  remainingMs,
} from './orders/orderActions'
export {
  isOrderLifecycleStatus,
  nextOrderStatus,
  ORDER_GUARDS,
  ORDER_LIFECYCLE_STATUSES,
  ORDER_RULES,
  ORDER_TRANSITIONS,
  type OrderEventName,
  type OrderGuardName,
  type OrderRule,
  type OrderTransitionRow,
  orderTransitionsFrom,
  reachableStatuses,
} from './orders/orderStatus'
export { ORDER_TAB_NAMES, ORDER_TABS, type OrderTabRule, orderInTab } from './orders/orderTabs'
export { planRefund, refundableOf, refundableTotal } from './orders/refunds'
export type {
  Order,
  OrderActionName,
  OrderActionState,
  OrderDetailState,
  OrderEvent,
  OrderItem,
  OrderKind,
  OrderLifecycleStatus,
  OrderList,
  OrderListStatus,
  OrderPage,
  OrderRefund,
  OrderResult,
  Orders,
  OrdersApi,
  OrdersOptions,
  OrdersSnapshot,
  OrdersTiming,
  OrderTab,
  RefundInput,
  RefundLine,
  RefundRequest,
  RefundStatus,
  VerificationCode,
} from './orders/types'
// payment contract
export type {
  PayContext,
  PaymentChannel,
  PayOutcome,
  PurchaseContext,
  PurchaseSupport,
} from './payment/paymentChannel'
// pricing
export { assertQuote } from './pricing/assertQuote'
export type {
  AmountCoupon,
  Coupon,
  CouponBase,
  CouponEvaluation,
  CouponUnavailableReason,
  PercentCoupon,
  ThresholdCoupon,
} from './pricing/coupon'
export {
  type DescribeCouponOptions,
  describeCoupon,
  describeCouponReason,
  percentText,
} from './pricing/describeCoupon'
export { diffQuotes, type QuoteDiff } from './pricing/diffQuotes'
export {
  type CartQuote,
  type PricingContext,
  type PricingFee,
  type PricingLine,
  priceCart,
  type QuoteFee,
} from './pricing/priceCart'
export type { Quote, QuoteLine } from './pricing/quote'
// sku
export { cartItemOf } from './sku/cartItemOf'
export { type FormatPriceRangeOptions, formatPriceRange } from './sku/formatPriceRange'
export { skuMatrix } from './sku/skuMatrix'
export { skuSelection } from './sku/skuSelection'
export type {
  PriceRange,
  Sku,
  SkuChoice,
  SkuMatrix,
  SkuProduct,
  SkuSelection,
  SkuSpecGroup,
  SkuSpecValue,
} from './sku/types'
// storage
export { memoryStorage, type StoragePort, type StorageRecord, storageKey } from './storage/storage'
// store
export { createStore, reportLater, type Store } from './store/createStore'
