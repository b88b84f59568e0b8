// The Sku components (each exported here as it lands).

// the card's side of opening a selector (the package index names ProductCard's other exports)
export type { ProductCardSpecControl } from '../ProductCard/ProductCard'
export { BottomSheet, type BottomSheetProps } from './BottomSheet'
export { ConnectedSkuSelector, type ConnectedSkuSelectorProps } from './ConnectedSkuSelector'
export { ProductActionBar, type ProductActionBarProps } from './ProductActionBar'
export { ProductGallery, type ProductGalleryProps } from './ProductGallery'
export { ProductPriceBlock, type ProductPriceBlockProps } from './ProductPriceBlock'
export { ServiceTags, type ServiceTagsProps } from './ServiceTags'
export { SkuSelector, type SkuSelectorProps } from './SkuSelector'
export { SpecSummaryRow, type SpecSummaryRowProps } from './SpecSummaryRow'
