import {
  type AnyTradeKitError,
  ERROR_CODES,
  isTradeKitError,
  isTradeKitErrorCode,
  type Quote,
  TradeKitError,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'

describe('TradeKitError', () => {
  it('carries its code, a default message and the data the UI needs', () => {
    const quote = { payable: { amount: 1300, currency: 'CNY' } } as unknown as Quote
    const cause = new Error('socket hang up')
    const error = new TradeKitError('PRICE_CHANGED', undefined, { quote, cause }) as AnyTradeKitError
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('TradeKitError')
    expect(error.code).toBe('PRICE_CHANGED')
    expect(error.message).toBe('The price changed since it was shown')
    if (error.code !== 'PRICE_CHANGED') throw new Error('narrowed by code')
    expect(error.quote).toBe(quote)
    expect(error.cause).toBe(cause)
    const stock = new TradeKitError('OUT_OF_STOCK', undefined, { skuIds: ['a'] })
    expect(stock).toMatchObject({ code: 'OUT_OF_STOCK', skuIds: ['a'] })
  })

  it("types each code's data: a field the code does not carry does not compile", () => {
    // @ts-expect-error — a price change carries no skuIds
    const typo = new TradeKitError('PRICE_CHANGED', undefined, { skuIds: ['a'] })
    expect(typo.code).toBe('PRICE_CHANGED')
    const error = new TradeKitError('PAYMENT_FAILED', undefined, { retryable: true, platformCode: '6002' })
    expect(isTradeKitError(error, 'PAYMENT_FAILED') && error.retryable).toBe(true)
  })

  it('is recognised across bundle copies by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TradeKitError', code: 'NETWORK' })
    expect(isTradeKitError(foreign)).toBe(true)
    expect(isTradeKitError(foreign, 'NETWORK')).toBe(true)
    expect(isTradeKitError(foreign, 'TIMEOUT')).toBe(false)
    expect(isTradeKitError(new Error('x'))).toBe(false)
  })

  it('has one closed catalogue', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
    expect(ERROR_CODES).toHaveLength(17)
    expect(isTradeKitErrorCode('PAYMENT_FAILED')).toBe(true)
    expect(isTradeKitErrorCode('SOMETHING')).toBe(false)
  })
})
