import { ERROR_CODES, isTradeKitError, isTradeKitErrorCode, TradeKitError } from '@tradekit/core'
import { describe, expect, it } from 'vitest'

describe('TradeKitError', () => {
  it('carries its code, a default message and the data the UI needs', () => {
    const quote = { payable: { amount: 1300, currency: 'CNY' } }
    const cause = new Error('socket hang up')
    const error = new TradeKitError('PRICE_CHANGED', undefined, { quote, skuIds: ['a'], cause })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('TradeKitError')
    expect(error.code).toBe('PRICE_CHANGED')
    expect(error.message).toBe('The price changed since it was shown')
    expect(error.quote).toBe(quote)
    expect(error.skuIds).toEqual(['a'])
    expect(error.cause).toBe(cause)
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
