// The Orders components (each exported here as it lands).
export type { OrderActionHandlers } from './OrderActions'
export { OrderCard, type OrderCardProps } from './OrderCard'
export { OrderList, type OrderListProps } from './OrderList'
export { OrderListView, type OrderListViewProps } from './OrderListView'
