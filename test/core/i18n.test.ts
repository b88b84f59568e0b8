import { createTranslator, describePrice, enUS, formatMessage, money, speakMoney, zhCN } from '@tradekit/core'
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
  })
})
