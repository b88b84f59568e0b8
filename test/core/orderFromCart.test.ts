import {
  money,
  orderLinesOf,
  priceChangeOf,
  purchaseKindOf,
  type Quote,
  TradeKitError,
  validateContact,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'

describe('validateContact', () => {
  it('requires a phone number and checks its form', () => {
    expect(validateContact({})).toEqual({ phone: 'contact.error.phoneRequired' })
    expect(validateContact({ phone: '1380013800' })).toEqual({ phone: 'contact.error.phoneInvalid' })
    expect(validateContact({ phone: '12800138000' })).toEqual({ phone: 'contact.error.phoneInvalid' })
    expect(validateContact({ phone: '138 0013-8000' })).toEqual({})
  })

  it('requires a name only when asked', () => {
    expect(validateContact({ phone: '13800138000', name: '  ' })).toEqual({})
    expect(validateContact({ phone: '13800138000', name: '  ' }, { requireName: true })).toEqual({
      name: 'contact.error.nameRequired',
    })
  })
})

describe('orders from cart lines', () => {
  it('names the purchase kind by its most restricted line', () => {
    expect(purchaseKindOf([{}, { kind: 'physical' }])).toBe('physical')
    expect(purchaseKindOf([{ kind: 'physical' }, { kind: 'service' }])).toBe('service')
    expect(purchaseKindOf([{ kind: 'service' }, { kind: 'virtual' }])).toBe('virtual')
  })

  it('sends sku, quantity and string options, never a price', () => {
    const lines = orderLinesOf([
      { skuId: 'tea', quantity: 2 },
      { skuId: 'consult', quantity: 1, options: { slot: '10:00', seats: 2, extras: ['a'] } },
    ])
    expect(lines).toEqual([
      { skuId: 'tea', quantity: 2 },
      { skuId: 'consult', quantity: 1, options: { slot: '10:00', seats: '2', extras: '["a"]' } },
    ])
  })

  it('reads the new total of a price change, and nothing from other errors', () => {
    const tea = { lineId: 'l1', skuId: 'tea', quantity: 1, unitPrice: money(1300), lineTotal: money(1300) }
    const quote = {
      lines: [{ ...tea, discount: money(0), payable: money(1300) }],
      subtotal: money(1300),
      discount: money(0),
      fees: money(0),
      savings: money(0),
      payable: money(1300),
    } as unknown as Quote
    expect(priceChangeOf(new TradeKitError('PRICE_CHANGED', undefined, { quote }))).toEqual({
      payable: money(1300),
      quote,
    })
    // a quote that does not add up (or has no lines) is not shown: only its new total is taken
    const partial = { payable: money(1300) } as unknown as Quote
    expect(priceChangeOf(new TradeKitError('PRICE_CHANGED', undefined, { quote: partial }))).toEqual({
      payable: money(1300),
    })
    const wrong = { ...quote, subtotal: money(1) } as Quote
    expect(priceChangeOf(new TradeKitError('PRICE_CHANGED', undefined, { quote: wrong }))).toEqual({
      payable: money(1300),
    })
    expect(priceChangeOf(new TradeKitError('PRICE_CHANGED', undefined, { amount: money(900) }))).toEqual({
      payable: money(900),
    })
    expect(priceChangeOf(new TradeKitError('PRICE_CHANGED'))).toBeNull()
    expect(priceChangeOf(new TradeKitError('NETWORK'))).toBeNull()
    expect(priceChangeOf(undefined)).toBeNull()
  })
})
