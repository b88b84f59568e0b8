import {
  addressMessages,
  CURRENCIES,
  checkoutMessages,
  couponMessages,
  createTranslator,
  describePrice,
  enUS,
  formatMessage,
  goodsMessages,
  LOCALES,
  membershipMessages,
  money,
  orderMessages,
  skuMessages,
  speakMoney,
  translatorOf,
  zhCN,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'

describe('message catalogue', () => {
  it('has the same keys in both locales, none empty', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort())
    for (const catalogue of [zhCN, enUS]) {
      for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.toBe('')
    }
  })

  it('uses the same placeholders in both locales', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]))
    }
  })
})

describe('catalogue parts', () => {
  const parts = {
    goodsMessages,
    checkoutMessages,
    membershipMessages,
    orderMessages,
    skuMessages,
    addressMessages,
    couponMessages,
  }

  it('split the whole catalogue: every key in exactly one part, in both locales', () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>()
      for (const [name, part] of Object.entries(parts)) {
        for (const key of Object.keys(part[locale])) {
          expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined()
          seen.set(key, name)
        }
      }
      const whole = locale === 'zh-CN' ? zhCN : enUS
      expect([...seen.keys()].sort()).toEqual(Object.keys(whole).sort())
      for (const part of Object.values(parts)) {
        for (const [key, value] of Object.entries(part[locale]))
          expect(whole[key as keyof typeof whole]).toBe(value)
      }
    }
  })

  it('translate only the parts given; overrides win, also for keys outside them', () => {
    const t = translatorOf([goodsMessages], 'en-US', { 'cart.selectAll': 'All', 'status.paid': 'Done!' })
    expect(t('cart.selectAll')).toBe('All')
    expect(t('cart.selectedCount', { count: 2 })).toBe(
      goodsMessages['en-US']['cart.selectedCount'].replace('{count}', '2'),
    )
    expect(t('status.paid')).toBe('Done!')
    expect(() => t('status.failed')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    const both = translatorOf([checkoutMessages, goodsMessages], 'zh-CN')
    expect(both('status.failed')).toBe('支付失败')
    expect(both('currency.CNY')).toBe('元')
  })

  it('reject a locale TradeKit does not ship with a typed error', () => {
    expect(() => translatorOf([goodsMessages], 'fr-FR' as 'en-US')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })
})

describe('t(key, params)', () => {
  it('defaults to zh-CN and fills parameters', () => {
    const t = createTranslator()
    expect(t('price.current', { amount: '12 元' })).toBe('现价 12 元')
  })

  it('applies a team override over the shipped message', () => {
    const t = createTranslator({ locale: 'en-US', messages: { 'price.memberLabel': 'VIP' } })
    expect(t('price.memberLabel')).toBe('VIP')
    expect(t('price.current', { amount: '1 yuan' })).toBe('Price 1 yuan')
  })

  it('keeps a placeholder without a value visible', () => {
    expect(formatMessage('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}')
  })

  it('rejects an unknown locale and an unknown key with a typed error', () => {
    expect(() => createTranslator({ locale: 'fr-FR' as 'en-US' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    const t = createTranslator()
    expect(() => t('nope' as 'price.current')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})

describe('price phrases for screen readers', () => {
  it('reads current and original price in zh-CN', () => {
    const t = createTranslator()
    expect(describePrice({ price: money(1200), originalPrice: money(2000) }, t)).toBe(
      '现价 12 元，原价 20 元',
    )
  })

  it('reads member price and fractions in en-US', () => {
    const t = createTranslator({ locale: 'en-US' })
    expect(describePrice({ price: money(1250), memberPrice: money(999) }, t)).toBe(
      'Price 12.50 yuan, member price 9.99 yuan',
    )
    expect(speakMoney(money(-1999, 'USD'), t)).toBe('-19.99 US dollars')
    expect(speakMoney(money(100, 'EUR'), t)).toBe('1 EUR')
    // a translator without the goods part is a mistake to see, not a silent fallback to the code
    expect(() => speakMoney(money(100), translatorOf([checkoutMessages], 'zh-CN'))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })

  it('has a word for each currency TradeKit writes', () => {
    const words = Object.keys(zhCN)
      .filter((key) => key.startsWith('currency.'))
      .map((key) => key.slice('currency.'.length))
    expect(words.sort()).toEqual(Object.keys(CURRENCIES).sort())
  })
})
