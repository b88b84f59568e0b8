import {
  channelSupport,
  isChannelAvailable,
  type PaymentChannel,
  type PurchaseContext,
  type PurchaseSupport,
} from '../payment/paymentChannel'

/**
 * How a component offers a purchase: `buy` shows price and buy/pay wording; `im` turns the action
 * into "contact support to buy" (Douyin's route for virtual goods on iOS); `hidden` shows neither a
 * price nor buy wording (WeChat forbids them for virtual goods on iOS).
 */
export type PurchaseMode = 'buy' | 'im' | 'hidden'

const RANK: Readonly<Record<PurchaseSupport, number>> = { pay: 2, im: 1, unavailable: 0 }
const MODE: Readonly<Record<PurchaseSupport, PurchaseMode>> = { pay: 'buy', im: 'im', unavailable: 'hidden' }

/**
 * The purchase mode for a purchase, from the channels this app may pay through: each channel's
 * `supports()` (no `supports` means `'pay'`; one that throws means `'unavailable'`), the best answer winning. No channels means `buy`.
 *
 * @example
 * ```ts
 * purchaseModeFor([wechatChannel()], { kind: 'virtual', os: 'ios' }) // 'hidden'
 * ```
 */
export function purchaseModeFor(
  channels: readonly Pick<PaymentChannel, 'supports'>[],
  purchase: PurchaseContext,
): PurchaseMode {
  if (channels.length === 0) return 'buy'
  let best: PurchaseSupport = 'unavailable'
  for (const channel of channels) {
    const answer = channelSupport(channel, purchase)
    if (RANK[answer] > RANK[best]) best = answer
  }
  return MODE[best]
}

/**
 * The channels that can take this purchase here: present on this platform (`isAvailable()`) and
 * answering `'pay'` to `supports()` (no `supports` means `'pay'`), in the order given — what a
 * payment-method picker offers.
 *
 * @example
 * ```ts
 * payableChannels([wechatChannel(), sandboxChannel()], { kind: 'physical', os: 'android' })
 * ```
 */
export function payableChannels<C extends Pick<PaymentChannel, 'isAvailable' | 'supports'>>(
  channels: readonly C[],
  purchase: PurchaseContext,
): C[] {
  return channels.filter(
    (channel) => isChannelAvailable(channel) && channelSupport(channel, purchase) === 'pay',
  )
}
