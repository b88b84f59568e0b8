// The Sku components (each exported here as it lands).
export { BottomSheet, type BottomSheetProps } from './BottomSheet'
export { ConnectedSkuSelector, type ConnectedSkuSelectorProps } from './ConnectedSkuSelector'
export { ProductActionBar, type ProductActionBarProps } from './ProductActionBar'
export { ProductGallery, type ProductGalleryProps } from './ProductGallery'
export { ProductPriceBlock, type ProductPriceBlockProps } from './ProductPriceBlock'
export { ServiceTags, type ServiceTagsProps } from './ServiceTags'
export { SkuSelector, type SkuSelectorProps } from './SkuSelector'
export { SpecSummaryRow, type SpecSummaryRowProps } from './SpecSummaryRow'
