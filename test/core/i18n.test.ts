import * as core from '@tradekit/core'
import {
  addressMessages,
  CURRENCIES,
  checkoutMessages,
  couponMessages,
  createTranslator,
  describePrice,
  formatMessage,
  goodsMessages,
  LOCALES,
  membershipMessages,
  money,
  orderMessages,
  skuMessages,
  speakMoney,
  TradeKitError,
  translatorOf,
  zhCN,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
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

  it('split the whole zh-CN catalogue: every key in exactly one part', () => {
    const seen = new Map<string, string>()
    for (const [name, part] of Object.entries(parts)) {
      for (const key of Object.keys(part['zh-CN'])) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined()
        seen.set(key, name)
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(zhCN).sort())
    for (const part of Object.values(parts)) {
      for (const [key, value] of Object.entries(part['zh-CN']))
        expect(zhCN[key as keyof typeof zhCN]).toBe(value)
    }
  })

  it('hold zh-CN only: the English text is in the en-US pack, not in @tradekit/core', () => {
    for (const part of Object.values(parts)) expect(Object.keys(part)).toEqual(['zh-CN'])
    expect(core).not.toHaveProperty('enUS')
    expect(core).not.toHaveProperty('MESSAGES')
    expect(LOCALES).toEqual(['zh-CN', 'en-US'])
  })

  it('translate only the parts given; overrides win, also for keys outside them', () => {
    const t = translatorOf([goodsMessages], 'en-US', {
      ...enUS,
      'cart.selectAll': 'All',
      'status.paid': 'Done!',
    })
    expect(t('cart.selectAll')).toBe('All')
    expect(t('cart.selectedCount', { count: 2 })).toBe('2 selected')
    expect(t('status.paid')).toBe('Done!')
    expect(t('status.failed')).toBe('Payment failed')
    const partial = translatorOf([goodsMessages], 'en-US', { 'status.paid': 'Done!' })
    expect(() => partial('status.failed')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
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

describe('the en-US pack (@tradekit/core/locales/en-US)', () => {
  const hint = `No en-US text for "cart.selectAll": import { enUS } from '@tradekit/core/locales/en-US' and pass it as messages`

  it('translates en-US as the catalogue did before the pack', () => {
    const t = createTranslator({ locale: 'en-US', messages: enUS })
    expect(t('cart.selectAll')).toBe('Select all')
    expect(t('cart.selectedCount', { count: 3 })).toBe('3 selected')
    expect(t('checkout.submit')).toBe('Place order')
    expect(t('price.current', { amount: '12 yuan' })).toBe('Price 12 yuan')
    expect(t('sku.chosen', { values: 'Black' })).toBe('Selected: Black')
    expect(t('address.title')).toBe('Shipping address')
    expect(t('couponWallet.use')).toBe('Use')
    expect(translatorOf([goodsMessages, checkoutMessages], 'en-US', enUS)('status.failed')).toBe(
      'Payment failed',
    )
  })

  it('without the pack, en-US throws a typed error that says how to load it — never Chinese', () => {
    const t = createTranslator({ locale: 'en-US' })
    expect(() => t('cart.selectAll')).toThrow(TradeKitError)
    expect(() => t('cart.selectAll')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: hint }),
    )
    // an override of some keys does not load the others
    const some = translatorOf([goodsMessages], 'en-US', { 'cart.total': 'Sum' })
    expect(some('cart.total')).toBe('Sum')
    expect(() => some('cart.selectAll')).toThrow(expect.objectContaining({ message: hint }))
    // a key no part has is still an unknown key, not a missing pack
    expect(() => some('nope' as 'cart.total')).toThrow(/Unknown message key nope/)
  })

  it('lets overrides spread over the pack win', () => {
    const t = createTranslator({ locale: 'en-US', messages: { ...enUS, 'cart.total': 'Sum' } })
    expect(t('cart.total')).toBe('Sum')
    expect(t('cart.selectAll')).toBe('Select all')
  })

  it('is not needed for zh-CN', () => {
    expect(createTranslator()('cart.selectAll')).toBe('全选')
    expect(createTranslator({ locale: 'zh-CN', messages: { 'cart.total': '总计' } })('cart.total')).toBe(
      '总计',
    )
    expect(translatorOf([goodsMessages], 'zh-CN')('cart.selectAll')).toBe('全选')
  })

  it('still rejects a locale TradeKit does not ship, with or without text for it', () => {
    expect(() => createTranslator({ locale: 'fr-FR' as 'en-US', messages: enUS })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: 'Unsupported locale fr-FR' }),
    )
  })
})

describe('t(key, params)', () => {
  it('defaults to zh-CN and fills parameters', () => {
    const t = createTranslator()
    expect(t('price.current', { amount: '12 元' })).toBe('现价 12 元')
  })

  it('applies a team override over the shipped message', () => {
    const t = createTranslator({ locale: 'en-US', messages: { ...enUS, 'price.memberLabel': 'VIP' } })
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
    const t = createTranslator({ locale: 'en-US', messages: enUS })
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
