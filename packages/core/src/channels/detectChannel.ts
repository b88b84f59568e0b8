import { isChannelAvailable, type PaymentChannel } from '../payment/paymentChannel'

const TARO_PLATFORMS: Readonly<Record<string, PaymentChannel['platform']>> = {
  tt: 'tt',
  weapp: 'wx',
  alipay: 'my',
}

function taroEnv(): string | undefined {
  try {
    // written out in full so Taro's build-time define replaces it
    const env = process.env.TARO_ENV
    return typeof env === 'string' && env !== '' ? env : undefined
  } catch {
    return undefined
  }
}

/**
 * Picks the cashier for the platform the app runs on: the first factory's channel whose platform is
 * present — by `process.env.TARO_ENV` when it is set (`tt`, `weapp`, `alipay`), otherwise by the
 * globals (`isAvailable()`), in the order given. An app bundles only the channels it passes.
 *
 * @returns the channel, or `undefined` when none fits
 * @example
 * ```ts
 * const channel = detectChannel([douyinTradeChannel, wechatChannel, () => sandboxChannel()])
 * ```
 */
export function detectChannel(factories: ReadonlyArray<() => PaymentChannel>): PaymentChannel | undefined {
  const channels = factories.map((factory) => factory())
  const env = taroEnv()
  const platform = env === undefined ? undefined : TARO_PLATFORMS[env]
  if (platform !== undefined) {
    const match = channels.find((channel) => channel.platform === platform)
    if (match) return match
  }
  return channels.find(isChannelAvailable)
}
