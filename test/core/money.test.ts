import { formatMoney, formatMoneyParts, isTradeKitError, money, TradeKitError } from '@tradekit/core'
import { describe, expect, it } from 'vitest'

describe('money', () => {
  it('creates frozen integer money, CNY by default', () => {
    const m = money(1250)
    expect(m).toEqual({ amount: 1250, currency: 'CNY' })
    expect(Object.isFrozen(m)).toBe(true)
    expect(money(-0).amount).toBe(0)
    expect(Object.is(money(-0).amount, 0)).toBe(true)
  })

  it.each([
    ['a float', 12.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['a string', '1250' as unknown as number],
  ])('rejects %s with INVALID_AMOUNT', (_name, amount) => {
    try {
      money(amount)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TradeKitError)
      expect(isTradeKitError(error, 'INVALID_AMOUNT')).toBe(true)
    }
  })

  it('rejects a currency that is not an ISO code', () => {
    expect(() => money(1, 'yuan')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})

describe('formatMoney', () => {
  it.each([
    [money(123450), {}, '¥1,234.50'],
    [money(1200), { trimZeros: true }, '¥12'],
    [money(1250), { trimZeros: true }, '¥12.50'],
    [money(-1999), {}, '-¥19.99'],
    [money(5), {}, '¥0.05'],
    [money(0), {}, '¥0.00'],
    [money(123456789012), {}, '¥1,234,567,890.12'],
    [money(999, 'USD'), {}, '$9.99'],
    [money(100000, 'HKD'), { locale: 'en-US' as const }, 'HK$1,000.00'],
    [money(1500, 'JPY'), {}, 'JP¥1,500'],
    [money(1500, 'EUR'), {}, 'EUR 15.00'],
    [money(123450), { grouping: false, symbol: false }, '1234.50'],
  ])('formats %o with %o as %s', (value, options, expected) => {
    expect(formatMoney(value, options)).toBe(expected)
  })

  it('splits parts for styling', () => {
    expect(formatMoneyParts(money(-123450))).toEqual({
      sign: '-',
      symbol: '¥',
      integer: '1,234',
      fraction: '.50',
    })
  })

  it('refuses a hand-made float money', () => {
    expect(() => formatMoney({ amount: 12.5, currency: 'CNY' })).toThrow(TradeKitError)
  })
})
