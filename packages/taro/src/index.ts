export { CartBar, type CartBarProps } from './Cart/CartBar'
export { CartEmpty, type CartEmptyProps } from './Cart/CartEmpty'
export { CartLine, type CartLineProps } from './Cart/CartLine'
export { CartList, type CartListProps } from './Cart/CartList'
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
export { Price, type PriceProps } from './Price/Price'
export { ProductCard, type ProductCardProduct, type ProductCardProps } from './ProductCard/ProductCard'
export { QuantityStepper, type QuantityStepperProps } from './QuantityStepper/QuantityStepper'
export { Skeleton, type SkeletonProps } from './Skeleton/Skeleton'
export { Tag, type TagProps } from './Tag/Tag'
export { defaultTheme, type Theme, themeStyle, tokenVariable } from './theme/theme'
