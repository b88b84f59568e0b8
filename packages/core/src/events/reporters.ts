import type { TradeEvent, TradeEventItem } from './tradeEvents'

// Trading events in the shapes analytics SDKs take. Money stays integer minor units (`value`,
// `sku_price`, `order_amount` are 1990 for ¥19.90) with the currency beside it; the analytics
// configuration decides how to show it.

/** A flat attribute bag: what `wx.reportEvent` and most analytics calls accept. */
export type AnalyticsParams = Readonly<Record<string, string | number>>

/** One `wx.reportEvent(name, data)` call. */
export interface WeAnalysisReport {
  /** The We分析 event id. */
  readonly name: string
  /** Its attributes (configure the same names in We分析's event management). */
  readonly data: AnalyticsParams
}

const goods = (item: TradeEventItem): Record<string, string | number> => ({
  sku_id: item.skuId,
  sku_name: item.title ?? '',
  sku_num: item.quantity,
  sku_price: item.price.amount,
  currency: item.price.currency,
})

/**
 * The calls of WeChat We分析's e-commerce business-analysis events (经营分析, 电商行业: the industry
 * standard events `wxdata_browse_goods`, `wxdata_purchase_goods`, `wxdata_submit_order_content`,
 * `wxdata_order_status` and the recommended `wxdata_refund`) for a trading event: one call per item
 * for goods events, one per order for order events. Pass each to `wx.reportEvent(name, data)`.
 *
 * @example
 * ```ts
 * <TradeProvider onEvent={(event) => weAnalysisReports(event).forEach((r) => wx.reportEvent(r.name, r.data))} />
 * ```
 */
export function weAnalysisReports(event: TradeEvent): readonly WeAnalysisReport[] {
  const each = (name: string, extra: Record<string, string | number> = {}) =>
    event.items.map((item) => ({ name, data: { ...goods(item), ...extra } }))
  switch (event.name) {
    case 'view_item':
      return each('wxdata_browse_goods')
    case 'add_to_cart':
      return each('wxdata_purchase_goods', { action: 'add' })
    case 'remove_from_cart':
      return each('wxdata_purchase_goods', { action: 'remove' })
    case 'repurchase':
      return each('wxdata_purchase_goods', { action: 'add', source_order_id: event.sourceOrderId })
    case 'begin_checkout':
      return each('wxdata_submit_order_content', { order_amount: event.value.amount })
    case 'purchase':
      return [
        {
          name: 'wxdata_order_status',
          data: {
            order_id: event.orderId,
            order_status: 'payed',
            order_amount: event.value.amount,
            currency: event.value.currency,
            sku_num: event.items.reduce((sum, item) => sum + item.quantity, 0),
          },
        },
      ]
    case 'refund':
      return [
        {
          name: 'wxdata_refund',
          data: {
            order_id: event.orderId,
            refund_id: event.refundId ?? '',
            refund_amount: event.value.amount,
            currency: event.value.currency,
          },
        },
      ]
  }
}

/**
 * A trading event as one plain analytics call: its name and flat parameters — `value` in minor
 * units, `currency`, `items` (how many), `quantity` (units), `sku_ids` (comma-separated), and the
 * order, refund and coupon ids when the event has them.
 *
 * @example
 * ```ts
 * <TradeProvider onEvent={(event) => tt.reportAnalytics(...analyticsCall(event))} />
 * ```
 */
export function analyticsCall(event: TradeEvent): readonly [name: string, params: AnalyticsParams] {
  const params: Record<string, string | number> = {
    value: event.value.amount,
    currency: event.value.currency,
    items: event.items.length,
    quantity: event.items.reduce((sum, item) => sum + item.quantity, 0),
    sku_ids: event.items.map((item) => item.skuId).join(','),
  }
  if ('orderId' in event) params.order_id = event.orderId
  if ('refundId' in event && event.refundId) params.refund_id = event.refundId
  if ('coupon' in event && event.coupon) params.coupon = event.coupon
  if ('sourceOrderId' in event) params.source_order_id = event.sourceOrderId
  return [event.name, params]
}
