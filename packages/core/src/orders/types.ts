import type { CartAttribute, CartItemOptions, ProductKind } from '../cart/types'
import type { LifecyclePort, OrderContact } from '../checkout/types'
import type { AnyTradeKitError } from '../errors/TradeKitError'
import type { Money } from '../money/money'

/**
 * Where a placed order is, as the server says (see the table in `orderStatus.ts` and
 * docs/orders.md). A status never goes back.
 */
export type OrderLifecycleStatus =
  | 'pending_payment'
  | 'paid'
  | 'shipped'
  | 'delivered'
  | 'to_verify'
  | 'verified'
  | 'completed'
  | 'refund_requested'
  | 'refunding'
  | 'refunded'
  | 'refund_rejected'
  | 'cancelled'
  | 'closed'

/**
 * What an order sells, which decides its fulfilment: a `physical` order is shipped and delivered,
 * a `service` or `virtual` one gets a verification code that the merchant verifies.
 */
export type OrderKind = ProductKind

/** One line of a placed order, with what it cost and what was refunded of it. */
export interface OrderItem {
  /** The line's id within the order (what a refund names). */
  readonly lineId: string
  /** The sku. */
  readonly skuId: string
  /** The product's name when it was ordered. */
  readonly title: string
  /** The picture's URL. */
  readonly image?: string
  /** Display attributes (颜色: 黑). */
  readonly attributes?: readonly CartAttribute[]
  /** What distinguished this purchase (a booking slot…), as in the cart. */
  readonly options?: CartItemOptions
  /** Units ordered. */
  readonly quantity: number
  /** The price of one unit when ordered. */
  readonly unitPrice: Money
  /** What the line costs after discounts: what was paid for it once the order is paid. */
  readonly amount: Money
  /** What was refunded of it so far. A refund never passes `amount − refunded`. */
  readonly refunded: Money
}

/**
 * Where one refund request is: the refund statuses of the order table, or `withdrawn` when the user
 * took it back (`cancelRefund`).
 */
export type RefundStatus = 'refund_requested' | 'refunding' | 'refunded' | 'refund_rejected' | 'withdrawn'

/** What a refund takes from one line. */
export interface RefundLine {
  /** The order line. */
  readonly lineId: string
  /** Minor units refunded from this line (positive). */
  readonly amount: Money
}

/** One refund request of an order (an order may have several partial refunds). */
export interface OrderRefund {
  /** The server's id of the request. */
  readonly refundId: string
  /** Where it is. */
  readonly status: RefundStatus
  /** The whole refund: the sum of `lines`. */
  readonly amount: Money
  /** What it takes from each line. */
  readonly lines: readonly RefundLine[]
  /** The reason the user chose. */
  readonly reason: string
  /** The user's note. */
  readonly note?: string
  /** When it was asked, in epoch milliseconds (server clock). */
  readonly requestedAt?: number
}

/** A service's or virtual good's verification code (shown as text and as a QR code). */
export interface VerificationCode {
  /** The code the merchant scans or types. */
  readonly code: string
  /** When the code stops being valid, in epoch milliseconds (server clock). */
  readonly expiresAt?: number
}

/** One step of an order's history, for its timeline. */
export interface OrderEvent {
  readonly status: OrderLifecycleStatus
  /** When, in epoch milliseconds (server clock). */
  readonly at: number
}

/** A placed order as the team's API answers it. Money in minor units, times in epoch milliseconds. */
export interface Order {
  /** The team's order id (the same the checkout created). */
  readonly orderId: string
  /** Where the order is. */
  readonly status: OrderLifecycleStatus
  /** What it sells (decides shipping or verification). */
  readonly kind: OrderKind
  /** Its lines (at least one). */
  readonly lines: readonly OrderItem[]
  /** What the order charges: what was paid once it is paid. */
  readonly amount: Money
  /** What was refunded so far (the sum of the lines' `refunded`). */
  readonly refunded: Money
  /** The lines' total before discounts, for display. */
  readonly subtotal?: Money
  /** The discounts, for display. */
  readonly discount?: Money
  /** Fees (shipping…), for display. */
  readonly fee?: Money
  /** When it was placed (server clock). */
  readonly createdAt: number
  /** While `pending_payment`: when the server closes it unpaid (server clock). */
  readonly expiresAt?: number
  /** The server's clock when it answered, so a countdown survives a wrong device clock. */
  readonly serverNow?: number
  /**
   * The order's revision on the server: a whole number the server raises with every change to the
   * order (its status, its refunds, what was refunded…). Optional, and worth sending: when two
   * answers about an order both carry it, the higher is the newer, exactly. Without it TradeKit
   * weighs the statuses, the refund records and `serverNow`, and two answers made in the same
   * millisecond by a server whose order changed between them cannot be ordered (a light list page
   * can then show a status that the next full read confirms, while a slower read shows the one
   * before it for a moment).
   */
  readonly version?: number
  /** The device's clock when the answer arrived (stamped by `createOrders`). */
  readonly receivedAt?: number
  /** The verification code of a service or virtual good. */
  readonly verification?: VerificationCode
  /** Its refund requests, oldest first; absent when the answer does not say (a light list page). */
  readonly refunds?: readonly OrderRefund[]
  /** Contact details (services). */
  readonly contact?: OrderContact
  /** The delivery address, in the team's own shape. */
  readonly address?: unknown
  /** The status history, oldest first. */
  readonly timeline?: readonly OrderEvent[]
  /** The payment channel's id. */
  readonly channel?: string
  /** While `pending_payment`: what the channel needs to open its cashier (as createOrder answered it). */
  readonly payment?: unknown
  /**
   * While `pending_payment`: what the channel saved for this order, as the server kept it (Douyin
   * trade: `{ douyinOrderId }`), so "continue to pay" never makes a second platform order.
   */
  readonly channelState?: unknown
}

/** A tab of the order centre: 全部 / 待支付 / 待发货 / 待收货 / 待使用 / 售后. */
export type OrderTab = 'all' | 'pending_payment' | 'to_ship' | 'to_receive' | 'to_verify' | 'after_sale'

/** One page of a tab. */
export interface OrderPage {
  /** The orders of the page, newest first. */
  readonly orders: readonly Order[]
  /** The cursor of the next page; `null` or absent when this was the last one. */
  readonly nextCursor?: string | null
}

/** What TradeKit sends to ask for a refund: lines and amounts already allocated exactly. */
export interface RefundRequest {
  /** What is taken from each line; their amounts sum to `amount`. */
  readonly lines: readonly RefundLine[]
  /** The whole refund, at most what is left to refund. */
  readonly amount: Money
  /** The reason the user chose. */
  readonly reason: string
  /** The user's note. */
  readonly note?: string
}

/**
 * What the user asks to refund. Lines with an amount each; or lines without one (then `amount` is
 * spread across them, or their whole refundable when there is no `amount`); or only `amount`
 * (spread across every line with something left).
 */
export interface RefundInput {
  readonly lines?: readonly { readonly lineId: string; readonly amount?: Money }[]
  readonly amount?: Money
  readonly reason: string
  readonly note?: string
}

/**
 * The team's order API, plugged into the order centre. Reads take an AbortSignal; actions answer
 * the order as it is after the change (the server decides). Reject with a `TradeKitError` (or an
 * error with a catalogue `code`); anything else is read as `NETWORK` for reads and
 * `ORDER_REJECTED` for actions.
 */
export interface OrdersApi {
  /** A page of a tab; no `cursor` means the first page. */
  listOrders(query: { tab: OrderTab; cursor?: string; signal: AbortSignal }): Promise<OrderPage>
  /** One order with its details. */
  getOrder(orderId: string, ctx: { signal: AbortSignal }): Promise<Order>
  /** Closes an unpaid order. */
  cancelOrder(orderId: string): Promise<Order>
  /**
   * Asks for a refund. Honour `idempotencyKey`: the store sends a request that got no answer again
   * under the same key, and the same key must make it one refund request.
   */
  requestRefund(orderId: string, request: RefundRequest, ctx: { idempotencyKey: string }): Promise<Order>
  /** Takes back a refund request the merchant has not answered. */
  cancelRefund?(orderId: string, refundId: string): Promise<Order>
  /** The user says the parcel arrived. */
  confirmReceipt?(orderId: string): Promise<Order>
}

/** Timeouts of the order centre, in milliseconds. */
export interface OrdersTiming {
  /**
   * Timeout of one listOrders or getOrder call.
   * @default 10000
   */
  requestTimeoutMs: number
  /**
   * Timeout of one action (cancel, refund, confirm receipt).
   * @default 15000
   */
  actionTimeoutMs: number
}

/** Options of `createOrders`. */
export interface OrdersOptions {
  /** The team's order API. */
  api: OrdersApi
  /** App show/hide: the current tab is fetched again on show (`taroLifecycle()` in @tradekit/taro). */
  lifecycle?: LifecyclePort
  /** Overrides of the timeouts. */
  timing?: Partial<OrdersTiming>
  /** The device clock (tests). @default Date.now */
  now?: () => number
}

/** Where a tab's list is. */
export type OrderListStatus = 'idle' | 'loading' | 'refreshing' | 'loading_more' | 'ready' | 'error'

/** A tab's list as shown. */
export interface OrderList {
  /**
   * `idle` before the first load; `loading` (nothing shown yet), `refreshing` (pull to refresh) and
   * `loading_more` while a page is on its way; `error` when the last page failed (`error` says why,
   * the orders already loaded stay).
   */
  readonly status: OrderListStatus
  /** The tab's orders in list order, each as the cache knows it; an order that left the tab is not shown. */
  readonly orders: readonly Order[]
  /** True when a next page exists. */
  readonly hasMore: boolean
  /** True when the tab was loaded and has nothing to show. */
  readonly empty: boolean
  /** Why the last page failed. */
  readonly error?: AnyTradeKitError
}

/** Where an order's detail read is. */
export interface OrderDetailState {
  readonly status: 'loading' | 'ready' | 'error'
  readonly error?: AnyTradeKitError
}

/** An action on an order. */
export type OrderActionName = 'cancel' | 'refund' | 'cancel_refund' | 'confirm_receipt'

/** An action running or failed on an order (a finished one leaves no trace but the order). */
export interface OrderActionState {
  readonly action: OrderActionName
  readonly status: 'running' | 'failed'
  readonly error?: AnyTradeKitError
  /**
   * The call got no answer (or none that was an order), nor did reading the order again tell: the
   * server may have done it. Say the result is not confirmed, not that it did not work.
   */
  readonly unconfirmed?: true
}

/** An immutable snapshot of the order centre; the same object until something changes. */
export interface OrdersSnapshot {
  /** The tab being shown (fetched again when the app comes back). */
  readonly current: OrderTab
  /** Each tab's list. */
  readonly tabs: Readonly<Record<OrderTab, OrderList>>
  /** Every order known, by id, as shown (a cancel the server has not answered shows `cancelled`). */
  readonly orders: Readonly<Record<string, Order>>
  /** Detail reads, by order id. */
  readonly details: Readonly<Record<string, OrderDetailState>>
  /** Actions running or failed, by order id. */
  readonly actions: Readonly<Record<string, OrderActionState>>
}

/** The outcome of a read or an action: never a rejection (errors are in the snapshot too). */
export type OrderResult =
  | { readonly ok: true; readonly order: Order }
  | {
      readonly ok: false
      readonly error: AnyTradeKitError
      /**
       * An action that got no answer, nor did reading the order again tell (as
       * {@link OrderActionState.unconfirmed}): the server may have done it. Say so, not that it did not work.
       */
      readonly unconfirmed?: true
    }

/** The order centre store. */
export interface Orders {
  /** The current snapshot (the same object until something changes). */
  getSnapshot(): OrdersSnapshot
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: (snapshot: OrdersSnapshot) => void): () => void
  /** Shows a tab (fetched again on show) and loads its first page if it never was. */
  selectTab(tab: OrderTab): Promise<OrderList>
  /** Loads a tab's first page again (the current tab when none is given); a page of it on its way is aborted. */
  refresh(tab?: OrderTab): Promise<OrderList>
  /**
   * Loads a tab's next page (its first when it was never loaded); while a page of it is on its way,
   * answers that one (no double load). Orders already listed are not listed twice.
   */
  loadMore(tab?: OrderTab): Promise<OrderList>
  /** Reads one order into the cache; a read of it on its way is shared. */
  getOrder(orderId: string): Promise<OrderResult>
  /** Cancels an unpaid order: shown `cancelled` at once, rolled back if the server refuses. */
  cancel(orderId: string): Promise<OrderResult>
  /** Asks for a refund, allocated exactly across the lines (see `planRefund`). */
  requestRefund(orderId: string, input: RefundInput): Promise<OrderResult>
  /** Takes back a refund request (`api.cancelRefund`). */
  cancelRefund(orderId: string, refundId: string): Promise<OrderResult>
  /** Confirms a parcel arrived (`api.confirmReceipt`). */
  confirmReceipt(orderId: string): Promise<OrderResult>
  /** Aborts every read, stops listening to the app's show and drops every listener. */
  dispose(): void
}
