// The Orders components (each exported here as it lands).

export { BuyAgainButton, type BuyAgainButtonProps } from './BuyAgainButton'
export type { OrderActionHandlers } from './OrderActions'
export { OrderCard, type OrderCardProps } from './OrderCard'
export { OrderDetail, type OrderDetailProps } from './OrderDetail'
export { type AddressLike, OrderDetailView, type OrderDetailViewProps } from './OrderDetailView'
export { OrderList, type OrderListProps } from './OrderList'
export { OrderListView, type OrderListViewProps } from './OrderListView'
export { encodeQr, type QrMatrix } from './qr/encodeQr'
export { QrCode, type QrCodeProps } from './qr/QrCode'
export { RefundProgress, type RefundProgressProps } from './RefundProgress'
export { RefundSheet, type RefundSheetProps } from './RefundSheet'
export { REFUND_REASONS, type RefundReason } from './refundReasons'
