import type { PlatformChannelsConfig } from './platformChannels.ts'

type Env = Readonly<Record<string, string | undefined>>

/** A key from the environment: PEM with real or `\n`-escaped line breaks, or bare base64. */
const key = (value: string) => value.replaceAll('\\n', '\n')

/**
 * The real cashiers the environment switches on. A channel is on only when every one of its
 * variables is set; a channel with some but not all of them is a configuration error (named, never
 * its values). With none set there are no real cashiers — the server takes sandbox orders only.
 */
export function paymentsFromEnv(env: Env): PlatformChannelsConfig {
  const config: {
    -readonly [K in keyof PlatformChannelsConfig]: PlatformChannelsConfig[K]
  } = {}
  /** The values of `names` when all are set, undefined when none is; throws when only some are. */
  const group = (channel: string, names: readonly string[]) => {
    const set = names.filter((name) => env[name])
    if (set.length === 0) return undefined
    if (set.length < names.length) {
      const missing = names.filter((name) => !env[name])
      throw new Error(`The ${channel} channel needs ${missing.join(', ')} as well`)
    }
    return Object.fromEntries(names.map((name) => [name, env[name]!])) as Record<string, string>
  }

  const douyinTrade = group('douyin-trade', [
    'DOUYIN_TRADE_PRIVATE_KEY',
    'DOUYIN_TRADE_KEY_VERSION',
    'DOUYIN_TRADE_PLATFORM_PUBLIC_KEY',
    'DOUYIN_TRADE_NOTIFY_URL',
    'DOUYIN_TRADE_TAG_GROUP_ID',
  ])
  if (douyinTrade) {
    const app = group('douyin-trade', ['DOUYIN_APP_ID', 'DOUYIN_APP_SECRET'])
    if (!app) throw new Error('The douyin-trade channel needs DOUYIN_APP_ID and DOUYIN_APP_SECRET as well')
    const goodsType = Number(env.DOUYIN_TRADE_GOODS_TYPE ?? '401')
    if (!Number.isInteger(goodsType)) throw new Error('DOUYIN_TRADE_GOODS_TYPE must be an integer')
    config.douyinTrade = {
      appId: app.DOUYIN_APP_ID!,
      appSecret: app.DOUYIN_APP_SECRET!,
      appPrivateKey: key(douyinTrade.DOUYIN_TRADE_PRIVATE_KEY!),
      keyVersion: douyinTrade.DOUYIN_TRADE_KEY_VERSION!,
      platformPublicKey: key(douyinTrade.DOUYIN_TRADE_PLATFORM_PUBLIC_KEY!),
      payNotifyUrl: douyinTrade.DOUYIN_TRADE_NOTIFY_URL!,
      refundNotifyUrl: douyinTrade.DOUYIN_TRADE_NOTIFY_URL!,
      goodsType,
      tagGroupId: douyinTrade.DOUYIN_TRADE_TAG_GROUP_ID!,
      defaultImage: env.DOUYIN_TRADE_IMAGE_URL ?? 'https://example.com/tradekit-goods.png',
      // The example app's order-detail page (examples/mini-shop: packageOrders), which reads `id`.
      orderPath: env.DOUYIN_TRADE_ORDER_PATH ?? 'packageOrders/pages/detail/index',
      ...(env.DOUYIN_TRADE_BASE_URL && { baseUrl: env.DOUYIN_TRADE_BASE_URL }),
    }
  }

  const douyinPay = group('douyin-pay', ['DOUYIN_PAY_SALT', 'DOUYIN_PAY_TOKEN', 'DOUYIN_PAY_NOTIFY_URL'])
  if (douyinPay) {
    if (!env.DOUYIN_APP_ID) throw new Error('The douyin-pay channel needs DOUYIN_APP_ID as well')
    config.douyinPay = {
      appId: env.DOUYIN_APP_ID,
      salt: douyinPay.DOUYIN_PAY_SALT!,
      token: douyinPay.DOUYIN_PAY_TOKEN!,
      notifyUrl: douyinPay.DOUYIN_PAY_NOTIFY_URL!,
      ...(env.DOUYIN_PAY_BASE_URL && { baseUrl: env.DOUYIN_PAY_BASE_URL }),
    }
  }

  const wechat = group('wechat', [
    'WECHAT_PAY_MCH_ID',
    'WECHAT_PAY_SERIAL_NO',
    'WECHAT_PAY_PRIVATE_KEY',
    'WECHAT_PAY_API_V3_KEY',
    'WECHAT_PAY_PUBLIC_KEY_ID',
    'WECHAT_PAY_PUBLIC_KEY',
    'WECHAT_PAY_NOTIFY_URL',
  ])
  if (wechat) {
    if (!env.WECHAT_APP_ID) throw new Error('The wechat channel needs WECHAT_APP_ID as well')
    config.wechat = {
      appId: env.WECHAT_APP_ID,
      mchId: wechat.WECHAT_PAY_MCH_ID!,
      merchantSerialNo: wechat.WECHAT_PAY_SERIAL_NO!,
      merchantPrivateKey: key(wechat.WECHAT_PAY_PRIVATE_KEY!),
      apiV3Key: wechat.WECHAT_PAY_API_V3_KEY!,
      platformKeys: { [wechat.WECHAT_PAY_PUBLIC_KEY_ID!]: key(wechat.WECHAT_PAY_PUBLIC_KEY!) },
      notifyUrl: wechat.WECHAT_PAY_NOTIFY_URL!,
      ...(env.WECHAT_PAY_BASE_URL && { baseUrl: env.WECHAT_PAY_BASE_URL }),
    }
  }

  const alipay = group('alipay', [
    'ALIPAY_APP_ID',
    'ALIPAY_APP_PRIVATE_KEY',
    'ALIPAY_PUBLIC_KEY',
    'ALIPAY_NOTIFY_URL',
  ])
  if (alipay) {
    config.alipay = {
      appId: alipay.ALIPAY_APP_ID!,
      appPrivateKey: key(alipay.ALIPAY_APP_PRIVATE_KEY!),
      alipayPublicKey: key(alipay.ALIPAY_PUBLIC_KEY!),
      notifyUrl: alipay.ALIPAY_NOTIFY_URL!,
      ...(env.ALIPAY_GATEWAY_URL && { gatewayUrl: env.ALIPAY_GATEWAY_URL }),
    }
  }
  return config
}
