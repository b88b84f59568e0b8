import {
  type AlipayConfig,
  createAlipay,
  createDouyinPay,
  createDouyinTrade,
  createWechatPay,
  type DouyinPayConfig,
  type DouyinTradeConfig,
  type FetchLike,
  isServerError,
  type Money,
  type NonceStore,
  type WechatPayConfig,
} from '@tradekit/server'
import type { OrderRow } from '../orders/orderRecords.ts'

/** The real cashiers this server can take money through, besides the sandbox. */
export const PLATFORM_CHANNELS = ['douyin-trade', 'douyin-pay', 'wechat', 'alipay'] as const
export type PlatformChannelId = (typeof PLATFORM_CHANNELS)[number]

/** What the server tells the platform about an order's goods. */
export interface OrderGoods {
  readonly order: OrderRow
  /** The order lines, with what the catalogue says of each sku. */
  readonly lines: readonly {
    skuId: string
    title: string
    quantity: number
    unitPrice: number
    image: string | null
  }[]
  /** The user who pays (`wx:<openid>`, `alipay:<open id>`, …). */
  readonly userId: string
}

/** What a verified platform callback says about an order. */
export type PlatformEvent =
  | {
      readonly kind: 'payment'
      readonly orderId: string
      readonly outcome: 'paid' | 'failed'
      readonly amount?: Money
    }
  | {
      readonly kind: 'refund'
      readonly orderId: string
      /** The refund number the server gave the platform (the refund record's id). */
      readonly refundNo?: string
      readonly succeeded: boolean
    }
  | { readonly kind: 'other' }

/** A verified callback and the answer the platform expects. */
export interface ReceivedCallback {
  readonly event: PlatformEvent
  answer(ok: boolean): { status: number; headers: Record<string, string>; body: string }
}

/** One real cashier, on the server side. */
export interface PlatformChannel {
  readonly id: PlatformChannelId
  /** Refuses (with the reason) a user this channel cannot charge, before an order is made. */
  payerOf(userId: string): string | undefined
  /** The `payment` of `CreatedOrder` for this channel. */
  createPayment(goods: OrderGoods): Promise<unknown>
  /** Verifies a callback; throws `VerificationError` for anything not genuine, fresh and new. */
  receive(headers: Headers, body: string): Promise<ReceivedCallback>
  /** The documented "not handled" answer (the platform sends again later). */
  refuse(): { status: number; headers: Record<string, string>; body: string }
  /** What the platform says of an unpaid order: paid, failed (closed, timed out) or still pending. */
  query(order: OrderRow): Promise<'paid' | 'failed' | 'pending'>
  /**
   * Refunds `amount` of a paid order through the platform's refund API (all of it, or part); the
   * same `refundNo` refunds once.
   */
  refund(order: OrderRow, refundNo: string, amount: Money): Promise<void>
}

/** Keys and addresses of each channel; a channel is on when its block is there. */
export interface PlatformChannelsConfig {
  readonly douyinTrade?: Omit<DouyinTradeConfig, 'now' | 'nonceStore' | 'fetch'> & {
    /** `type` of the goods in `tt.requestOrder` (the console's goods type). */
    readonly goodsType: number
    /** The tag group of the goods (the console's 商品标签组). */
    readonly tagGroupId: string
    /** A picture for goods without one (Douyin needs one per sku). */
    readonly defaultImage: string
    /** The mini-program page of an order (`orderEntrySchema`); `id` is added as its parameter. */
    readonly orderPath: string
  }
  readonly douyinPay?: Omit<DouyinPayConfig, 'now' | 'nonceStore' | 'fetch'>
  readonly wechat?: Omit<WechatPayConfig, 'now' | 'nonceStore' | 'fetch'>
  readonly alipay?: Omit<AlipayConfig, 'now' | 'nonceStore' | 'fetch'>
}

const money = (order: OrderRow): Money => ({ amount: Number(order.payable), currency: order.currency })
const subjectOf = (goods: OrderGoods) => {
  const [first, ...rest] = goods.lines
  const title = first ? `${first.title}${first.quantity > 1 ? ` × ${first.quantity}` : ''}` : goods.order.id
  return (rest.length > 0 ? `${title} 等 ${goods.lines.length} 件` : title).slice(0, 120)
}
/** The order a refund number belongs to: `rfd_<hex>` refunds `ord_<hex>`. */
export const refundNoOf = (orderId: string) => `rfd_${orderId.slice(4)}`
const orderOfRefund = (refundNo: string) => (refundNo.startsWith('rfd_') ? `ord_${refundNo.slice(4)}` : '')
/**
 * A partial refund spread over the platform's items in proportion to what each cost, by largest
 * remainder: the parts sum to the refund exactly and none passes its item.
 */
function spreadOver<T extends { readonly itemOrderId: string; readonly amount: Money }>(
  items: readonly T[],
  refund: Money,
): { itemOrderId: string; amount: Money }[] {
  const total = items.reduce((sum, item) => sum + item.amount.amount, 0)
  if (total === 0 || refund.amount >= total) {
    return items.map((item) => ({ itemOrderId: item.itemOrderId, amount: item.amount }))
  }
  const exact = items.map((item) => (refund.amount * item.amount.amount) / total)
  const parts = exact.map(Math.floor)
  let left = refund.amount - parts.reduce((sum, part) => sum + part, 0)
  const order = exact
    .map((value, index) => [value - Math.floor(value), index] as const)
    .sort((a, b) => b[0] - a[0])
  for (const [, index] of order) {
    if (left === 0) break
    parts[index]! += 1
    left -= 1
  }
  return items
    .map((item, index) => ({
      itemOrderId: item.itemOrderId,
      amount: { amount: parts[index]!, currency: refund.currency },
    }))
    .filter((part) => part.amount.amount > 0)
}

/** A platform's "no such order": the buyer never opened the cashier. */
const notFound = (error: unknown) => isServerError(error, 'PLATFORM_ERROR')

/** The channels a configuration switches on, each with its platform client. */
export function createPlatformChannels(
  config: PlatformChannelsConfig,
  deps: { readonly now: () => number; readonly nonceStore: NonceStore; readonly fetch?: FetchLike },
): Map<PlatformChannelId, PlatformChannel> {
  const shared = { now: deps.now, nonceStore: deps.nonceStore, ...(deps.fetch && { fetch: deps.fetch }) }
  const channels = new Map<PlatformChannelId, PlatformChannel>()

  if (config.douyinTrade) {
    const { goodsType, tagGroupId, defaultImage, orderPath, ...keys } = config.douyinTrade
    const douyin = createDouyinTrade({ ...keys, ...shared })
    channels.set('douyin-trade', {
      id: 'douyin-trade',
      payerOf: () => undefined,
      async createPayment(goods) {
        const skus = goods.lines.map((line) => ({
          skuId: line.skuId,
          price: { amount: line.unitPrice, currency: goods.order.currency },
          quantity: line.quantity,
          title: line.title,
          // Douyin takes https URLs: the example's pictures are paths on this server, so its own
          imageList: [line.image?.startsWith('https://') ? line.image : defaultImage],
          type: goodsType,
          tagGroupId,
        }))
        // Delivery is charged on top of the goods: a line of its own, so the total stays ≤ the lines.
        const linesTotal = skus.reduce((sum, sku) => sum + sku.price.amount * sku.quantity, 0)
        const fee = Number(goods.order.payable) - linesTotal
        if (fee > 0) {
          skus.push({
            skuId: 'delivery',
            price: { amount: fee, currency: goods.order.currency },
            quantity: 1,
            title: '运费',
            imageList: [defaultImage],
            type: goodsType,
            tagGroupId,
          })
        }
        return douyin.requestOrderPayload({
          outOrderNo: goods.order.id,
          skus,
          total: money(goods.order),
          orderEntrySchema: { path: orderPath, params: { id: goods.order.id } },
          expiresAt: Number(goods.order.expires_at),
        })
      },
      async receive(headers, body) {
        const event = await douyin.verifyCallback({ headers, body })
        const answer = (ok: boolean) => douyin.callbackAnswer(ok)
        if (event.type === 'payment') {
          const { status, outOrderNo, total } = event.payment
          if (status === 'SUCCESS')
            return { event: { kind: 'payment', orderId: outOrderNo, outcome: 'paid', amount: total }, answer }
          return { event: { kind: 'payment', orderId: outOrderNo, outcome: 'failed' }, answer }
        }
        if (event.type === 'refund') {
          const refundNo = event.refund.outRefundNo
          const orderId = orderOfRefund(refundNo)
          return {
            event: { kind: 'refund', orderId, refundNo, succeeded: event.refund.status === 'SUCCESS' },
            answer,
          }
        }
        return { event: { kind: 'other' }, answer }
      },
      refuse: () => douyin.callbackAnswer(false),
      async query(order) {
        try {
          const found = await douyin.queryOrder({ outOrderNo: order.id })
          if (found.payStatus === 'SUCCESS') return 'paid'
          return found.payStatus === 'FAIL' || found.payStatus === 'TIMEOUT' ? 'failed' : 'pending'
        } catch (error) {
          if (notFound(error)) return 'pending'
          throw error
        }
      },
      async refund(order, refundNo, amount) {
        const found = await douyin.queryOrder({ outOrderNo: order.id })
        await douyin.createRefund({
          orderId: found.orderId,
          outRefundNo: refundNo,
          amount,
          items: spreadOver(found.items, amount),
          orderEntrySchema: { path: orderPath, params: { id: order.id } },
        })
      },
    })
  }

  if (config.douyinPay) {
    const douyinPay = createDouyinPay({ ...config.douyinPay, ...shared })
    channels.set('douyin-pay', {
      id: 'douyin-pay',
      payerOf: () => undefined,
      async createPayment(goods) {
        const subject = subjectOf(goods)
        return douyinPay.createOrder({
          outOrderNo: goods.order.id,
          total: money(goods.order),
          subject,
          body: subject,
          expiresAt: Number(goods.order.expires_at),
        })
      },
      async receive(_headers, body) {
        const event = await douyinPay.verifyCallback(body)
        const answer = (ok: boolean) => douyinPay.callbackAnswer(ok)
        if ('outOrderNo' in event) {
          const paid = event.status === 'SUCCESS'
          return {
            event: paid
              ? { kind: 'payment', orderId: event.outOrderNo, outcome: 'paid', amount: event.total }
              : { kind: 'payment', orderId: event.outOrderNo, outcome: 'failed' },
            answer,
          }
        }
        if ('outRefundNo' in event) {
          return {
            event: {
              kind: 'refund',
              orderId: orderOfRefund(event.outRefundNo),
              refundNo: event.outRefundNo,
              succeeded: event.status === 'SUCCESS',
            },
            answer,
          }
        }
        return { event: { kind: 'other' }, answer }
      },
      refuse: () => douyinPay.callbackAnswer(false),
      async query(order) {
        try {
          const found = await douyinPay.queryOrder(order.id)
          if (found.status === 'SUCCESS') return 'paid'
          return found.status === 'FAIL' || found.status === 'TIMEOUT' ? 'failed' : 'pending'
        } catch (error) {
          if (notFound(error)) return 'pending'
          throw error
        }
      },
      async refund(order, refundNo, amount) {
        await douyinPay.createRefund({
          outOrderNo: order.id,
          outRefundNo: refundNo,
          amount,
          reason: '退款',
        })
      },
    })
  }

  if (config.wechat) {
    const wechat = createWechatPay({ ...config.wechat, ...shared })
    channels.set('wechat', {
      id: 'wechat',
      payerOf: (userId) => (userId.startsWith('wx:') ? userId.slice(3) : undefined),
      async createPayment(goods) {
        return wechat.createPayment({
          outTradeNo: goods.order.id,
          description: subjectOf(goods),
          amount: money(goods.order),
          payerOpenId: goods.userId.slice(3),
          expiresAt: Number(goods.order.expires_at),
        })
      },
      async receive(headers, body) {
        const notification = await wechat.verifyNotification({ headers, body })
        const answer = (ok: boolean) => wechat.notificationAnswer(ok)
        const transaction = notification.transaction
        if (transaction) {
          const state = transaction.tradeState
          if (state === 'SUCCESS') {
            return {
              event: {
                kind: 'payment',
                orderId: transaction.outTradeNo,
                outcome: 'paid',
                ...(transaction.amount && { amount: transaction.amount }),
              },
              answer,
            }
          }
          if (state === 'CLOSED' || state === 'PAYERROR' || state === 'REVOKED') {
            return { event: { kind: 'payment', orderId: transaction.outTradeNo, outcome: 'failed' }, answer }
          }
        }
        if (notification.refund) {
          const orderId = notification.refund.outTradeNo ?? orderOfRefund(notification.refund.outRefundNo)
          return {
            event: {
              kind: 'refund',
              orderId,
              refundNo: notification.refund.outRefundNo,
              succeeded: notification.refund.status === 'SUCCESS',
            },
            answer,
          }
        }
        return { event: { kind: 'other' }, answer }
      },
      refuse: () => wechat.notificationAnswer(false),
      async query(order) {
        try {
          const found = await wechat.queryOrder(order.id)
          if (found.tradeState === 'SUCCESS') return 'paid'
          return ['CLOSED', 'PAYERROR', 'REVOKED'].includes(found.tradeState) ? 'failed' : 'pending'
        } catch (error) {
          if (notFound(error)) return 'pending'
          throw error
        }
      },
      async refund(order, refundNo, amount) {
        await wechat.refund({
          outTradeNo: order.id,
          outRefundNo: refundNo,
          refund: amount,
          total: money(order),
        })
      },
    })
  }

  if (config.alipay) {
    const alipay = createAlipay({ ...config.alipay, ...shared })
    channels.set('alipay', {
      id: 'alipay',
      payerOf: (userId) => (userId.startsWith('alipay:') ? userId.slice(7) : undefined),
      async createPayment(goods) {
        const buyer = goods.userId.slice(7)
        const { tradeNo } = await alipay.createTrade({
          outTradeNo: goods.order.id,
          subject: subjectOf(goods),
          total: money(goods.order),
          // Apps on the older user id (2088…) pay as buyer_id, the others by open id.
          ...(/^2088\d{12}$/.test(buyer) ? { buyerId: buyer } : { buyerOpenId: buyer }),
          expiresAt: Number(goods.order.expires_at),
        })
        return { tradeNO: tradeNo }
      },
      async receive(_headers, body) {
        const notification = await alipay.verifyNotification(body)
        const answer = (ok: boolean) => alipay.notificationAnswer(ok)
        const status = notification.tradeStatus
        if (status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED') {
          return {
            event: {
              kind: 'payment',
              orderId: notification.outTradeNo,
              outcome: 'paid',
              amount: notification.total,
            },
            answer,
          }
        }
        // TRADE_CLOSED: unpaid and timed out, or closed by a full refund — only an unpaid order is moved.
        if (status === 'TRADE_CLOSED') {
          return { event: { kind: 'payment', orderId: notification.outTradeNo, outcome: 'failed' }, answer }
        }
        return { event: { kind: 'other' }, answer }
      },
      refuse: () => alipay.notificationAnswer(false),
      async query(order) {
        try {
          const found = await alipay.queryTrade({ outTradeNo: order.id })
          if (found.tradeStatus === 'TRADE_SUCCESS' || found.tradeStatus === 'TRADE_FINISHED') return 'paid'
          return found.tradeStatus === 'TRADE_CLOSED' ? 'failed' : 'pending'
        } catch (error) {
          if (notFound(error)) return 'pending'
          throw error
        }
      },
      async refund(order, refundNo, amount) {
        await alipay.refund({ outTradeNo: order.id, outRequestNo: refundNo, refund: amount })
      },
    })
  }
  return channels
}
