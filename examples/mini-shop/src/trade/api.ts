import {
  type CartItem,
  type CheckoutApi,
  type CreatedOrder,
  type Entitlement,
  isMoney,
  type MembershipApi,
  type Money,
  type OrderRequest,
  type OrderStatus,
  type Plan,
  type Quote,
  type Sku,
  type SkuSpecGroup,
  TradeKitError,
} from '@tradekit/core'
import { merchantRequest } from './merchant'

/** A catalogue entry of the merchant server: a TradeKit cart item plus what the shop needs. */
export interface CatalogueItem extends CartItem {
  readonly kind: 'physical' | 'service' | 'virtual'
  /** A service that needs the buyer's phone (`contact.phone`). */
  readonly requiresContact: boolean
  /** Set on membership plans (bought through the membership flow, not the cart). */
  readonly planId?: string
  /** Set on the SKUs of a product with specs: its page (`GET /products/:productId`) sells them. */
  readonly productId?: string
}

/**
 * A product with specs as the merchant server sends it: `skuMatrix(product.specs, product.skus)`
 * builds what TradeKit's SKU selector reads.
 */
export interface ProductDetail {
  readonly productId: string
  readonly title: string
  readonly kind: 'physical' | 'service' | 'virtual'
  readonly specs: readonly SkuSpecGroup[]
  readonly skus: readonly Sku[]
  /** Service promises shown under the price (TradeKit's ServiceTags). */
  readonly services: readonly string[]
  /** The lowest price of its SKUs. */
  readonly price: Money
}

/** The server's view of one order. */
export interface OrderView {
  readonly orderId: string
  readonly status: OrderStatus
  readonly amount: Money
  readonly quote: Quote
  readonly paidAt?: number
}

export const checkoutApi: CheckoutApi = {
  async createOrder(req: OrderRequest, { idempotencyKey, signal }): Promise<CreatedOrder> {
    const order = await merchantRequest<CreatedOrder>('POST', '/orders', {
      data: req, // lines, coupon, contact, channel and expectedPayable — never a price as truth
      signal,
      headers: { 'Idempotency-Key': idempotencyKey },
    })
    if (typeof order?.orderId !== 'string' || !isMoney(order.amount)) {
      throw new TradeKitError('ORDER_REJECTED', 'Unexpected createOrder answer')
    }
    return order
  },

  async getOrderStatus(orderId, { signal }): Promise<OrderStatus> {
    const order = await merchantRequest<OrderView>('GET', `/orders/${encodeURIComponent(orderId)}`, {
      signal,
    })
    return order.status
  },

  async cancelOrder(orderId) {
    await merchantRequest('POST', `/orders/${encodeURIComponent(orderId)}/cancel`)
  },

  quote: (req) => merchantRequest<Quote>('POST', '/quote', { data: req }),

  // What the channel saved for an unpaid order (the sandbox's { cashierOrderId }, Douyin's
  // { douyinOrderId }): kept by the server and sent back as the order's channelState, so "continue to
  // pay" on another device reuses the platform order. The checkout only logs a failure.
  async saveChannelState(orderId, saved, { signal }) {
    await merchantRequest<void>('PUT', `/orders/${encodeURIComponent(orderId)}/channel-state`, {
      data: { channel: saved.channel, state: saved.state },
      signal,
    })
  },
}

export const membershipApi: MembershipApi = {
  async getPlans({ signal }) {
    const { plans } = await merchantRequest<{ plans: Plan[] }>('GET', '/membership/plans', { signal })
    return plans
  },
  getEntitlement: ({ signal }) => merchantRequest<Entitlement>('GET', '/membership/entitlement', { signal }),
}

export async function getCatalogue(): Promise<CatalogueItem[]> {
  const { items } = await merchantRequest<{ items: CatalogueItem[] }>('GET', '/catalogue')
  return items
}

/** The catalogue's items and its products with specs (whose SKUs are items too). */
export const getCatalogueWithProducts = () =>
  merchantRequest<{ items: CatalogueItem[]; products: ProductDetail[] }>('GET', '/catalogue')

export const getProduct = (productId: string) =>
  merchantRequest<ProductDetail>('GET', `/products/${encodeURIComponent(productId)}`)

export const getCatalogueItem = (skuId: string) =>
  merchantRequest<CatalogueItem>('GET', `/catalogue/${encodeURIComponent(skuId)}`)

export const getOrder = (orderId: string) =>
  merchantRequest<OrderView>('GET', `/orders/${encodeURIComponent(orderId)}`)
