import { describe, expect, it } from 'vitest'
import { paymentsFromEnv } from '../src/payments/paymentsFromEnv.ts'

describe('paymentsFromEnv', () => {
  it('switches nothing on without variables', () => {
    expect(paymentsFromEnv({})).toEqual({})
  })

  it('switches a channel on only with all of its variables, and names (never shows) what is missing', () => {
    const wechat = {
      WECHAT_APP_ID: 'wx-app',
      WECHAT_PAY_MCH_ID: '1900000001',
      WECHAT_PAY_SERIAL_NO: 'SERIAL',
      WECHAT_PAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----',
      WECHAT_PAY_API_V3_KEY: 'a-secret-apiv3-key-of-32-chars!!',
      WECHAT_PAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_1',
      WECHAT_PAY_PUBLIC_KEY: 'BASE64',
      WECHAT_PAY_NOTIFY_URL: 'https://shop.example.com/pay/wechat/notify',
    }
    const config = paymentsFromEnv(wechat)
    expect(Object.keys(config)).toEqual(['wechat'])
    expect(config.wechat?.merchantPrivateKey).toBe(
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
    )
    expect(config.wechat?.platformKeys).toEqual({ PUB_KEY_ID_1: 'BASE64' })

    const { WECHAT_PAY_API_V3_KEY: _, ...partial } = wechat
    expect(() => paymentsFromEnv(partial)).toThrow('The wechat channel needs WECHAT_PAY_API_V3_KEY as well')
    try {
      paymentsFromEnv(partial)
    } catch (error) {
      expect(String(error)).not.toContain('BEGIN PRIVATE KEY')
    }
    expect(() =>
      paymentsFromEnv({ DOUYIN_PAY_SALT: 's', DOUYIN_PAY_TOKEN: 't', DOUYIN_PAY_NOTIFY_URL: 'u' }),
    ).toThrow('DOUYIN_APP_ID')
    expect(
      Object.keys(
        paymentsFromEnv({
          DOUYIN_APP_ID: 'tt',
          DOUYIN_PAY_SALT: 's',
          DOUYIN_PAY_TOKEN: 't',
          DOUYIN_PAY_NOTIFY_URL: 'u',
        }),
      ),
    ).toEqual(['douyinPay'])
  })
})
