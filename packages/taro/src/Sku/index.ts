// The Sku components (each exported here as it lands).
export { BottomSheet, type BottomSheetProps } from './BottomSheet'
export { ConnectedSkuSelector, type ConnectedSkuSelectorProps } from './ConnectedSkuSelector'
export { SkuSelector, type SkuSelectorProps } from './SkuSelector'
