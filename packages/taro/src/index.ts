export { CartBar, type CartBarProps } from './Cart/CartBar'
export { CartEmpty, type CartEmptyProps } from './Cart/CartEmpty'
export { CartLine, type CartLineProps } from './Cart/CartLine'
export { CartList, type CartListProps } from './Cart/CartList'
export { CheckoutBar, type CheckoutBarProps } from './Checkout/CheckoutBar'
export { CheckoutPage, type CheckoutPageProps } from './Checkout/CheckoutPage'
export { ContactForm, type ContactFormProps, type PhoneNumberDetail } from './Checkout/ContactForm'
export { CouponPicker, type CouponPickerProps } from './Checkout/CouponPicker'
export { OrderSummary, type OrderSummaryItem, type OrderSummaryProps } from './Checkout/OrderSummary'
export { PaymentMethodPicker, type PaymentMethodPickerProps } from './Checkout/PaymentMethodPicker'
export { PaymentStatus, type PaymentStatusProps } from './Checkout/PaymentStatus'
export { PriceChangedNotice, type PriceChangedNoticeProps } from './Checkout/PriceChangedNotice'
export {
  type ContactErrors,
  type ContactRules,
  normalizePhone,
  validateContact,
} from './Checkout/validateContact'
export {
  ConfigProvider,
  type ConfigProviderProps,
  ThemeProvider,
  type ThemeProviderProps,
} from './config/ConfigProvider'
export { Empty, type EmptyProps } from './Empty/Empty'
export { type TaroLifecyclePort, taroLifecycle } from './environment/taroLifecycle'
export { taroPlatform } from './environment/taroPlatform'
export { type TaroStorageOptions, taroStorage } from './environment/taroStorage'
export { AutoRenewNotice, type AutoRenewNoticeProps } from './Membership/AutoRenewNotice'
export { BenefitList, type BenefitListProps } from './Membership/BenefitList'
export { MemberBadge, type MemberBadgeProps } from './Membership/MemberBadge'
export { MembershipSheet, type MembershipSheetProps } from './Membership/MembershipSheet'
export { Paywall, type PaywallProps } from './Membership/Paywall'
export { PlanPicker, type PlanPickerProps } from './Membership/PlanPicker'
export { Price, type PriceProps } from './Price/Price'
export { ProductCard, type ProductCardProduct, type ProductCardProps } from './ProductCard/ProductCard'
export { QuantityStepper, type QuantityStepperProps } from './QuantityStepper/QuantityStepper'
export { Skeleton, type SkeletonProps } from './Skeleton/Skeleton'
export { Tag, type TagProps } from './Tag/Tag'
export { defaultTheme, type Theme, themeStyle, tokenVariable } from './theme/theme'
