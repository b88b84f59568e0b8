import {
  alipayChannel,
  detectChannel,
  douyinTradeChannel,
  type PaymentChannel,
  wechatChannel,
} from '@tradekit/core'
import { sandboxCashier } from './sandboxCashier'

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
