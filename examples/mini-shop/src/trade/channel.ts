import {
  alipayChannel,
  detectChannel,
  douyinTradeChannel,
  type PaymentChannel,
  sandboxChannel,
  wechatChannel,
} from '@tradekit/core'
import { merchantRequest } from './merchant'
import { readSandboxSettings, sandboxStep } from './sandboxSettings'

/**
 * The sandbox cashier on every platform. When it "takes the money" it asks the merchant server's
 * sandbox cashier to pay the order (`POST /sandbox/pay`, the user's own order only), which sends the
 * server a payment notification signed like a platform's. What the cashier answers the app is read
 * from the sandbox settings at each payment.
 */
export function sandboxCashier(): PaymentChannel {
  const notify = async (orderId: string) => {
    await merchantRequest('POST', '/sandbox/pay', { data: { orderId } })
  }
  const pay: PaymentChannel['pay'] = async (payment, ctx) => {
    const behaviour = readSandboxSettings().behaviour
    const orderId = (payment as { orderId?: unknown } | null)?.orderId
    // "cancelled although the money moved": the notification is on the server before the cashier
    // answers (a failed notification leaves a plain cancel)
    if (behaviour === 'cancel-but-paid' && typeof orderId === 'string') await notify(orderId).catch(() => {})
    return sandboxChannel(sandboxStep(behaviour), { notify }).pay(payment, ctx)
  }
  return { id: 'sandbox', platform: 'sandbox', isAvailable: () => true, pay, sign: pay }
}

/**
 * The cashiers this app pays through. The sandbox by default; with `TRADEKIT_REAL_CASHIER=1` at
 * build time, the platform's own cashier (Douyin's trading system on tt, WeChat Pay on weapp,
 * Alipay's `my.tradePay` on alipay, the sandbox on H5), chosen by `detectChannel`. The merchant
 * server must then create real platform orders (its platform keys configured).
 */
export const channels: readonly PaymentChannel[] = MINI_SHOP_REAL_CASHIER
  ? [
      detectChannel([
        () => douyinTradeChannel(),
        () => wechatChannel(),
        () => alipayChannel(),
        sandboxCashier,
      ]) ?? sandboxCashier(),
    ]
  : [sandboxCashier()]

export const usesSandbox = channels.some((channel) => channel.platform === 'sandbox')
