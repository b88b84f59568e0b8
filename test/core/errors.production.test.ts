import {
  type AnyTradeKitError,
  createCart,
  createCheckout,
  createOrders,
  isTradeKitError,
  memoryStorage,
  money,
  type OrdersApi,
  type Quote,
  skuMatrix,
  TradeKitError,
} from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLifecycle, manualChannel, request } from './checkoutFakes'

// Developer text ships in development builds only: with process.env.NODE_ENV === 'production' (what
// Taro, Vite and esbuild define in a production build) a TradeKitError's message is its code, and
// the data the UI and programs read (code, quote, skuIds, currencies, cause) is the same.

afterEach(() => {
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

/** The TradeKitError `run` throws (fails the test when it throws nothing or something else). */
function thrown(run: () => unknown): AnyTradeKitError {
  try {
    run()
  } catch (error) {
    if (isTradeKitError(error)) return error as AnyTradeKitError
    throw error
  }
  throw new Error('expected a TradeKitError')
}

const badCurrency = () => thrown(() => money(100, 'usd'))
const badCartItem = () =>
  thrown(() => createCart().add({ skuId: 'tea', title: 42 as unknown as string, price: money(4800) }, 1))
const mixedCurrencies = () =>
  thrown(() => createCart().add({ skuId: 'tea', title: '龙井', price: money(4800, 'USD') }, 1))
const specs = [{ id: 'size', name: '尺码', values: [{ id: 'm', name: 'M' }] }]
const twinSkus = () =>
  thrown(() =>
    skuMatrix(specs, [
      { skuId: 'a', specs: { size: 'm' }, price: money(100), stock: 1 },
      { skuId: 'a', specs: { size: 'm' }, price: money(100), stock: 1 },
    ]),
  )

async function failedCheckout(api: ReturnType<typeof fakeApi>) {
  vi.useFakeTimers()
  const checkout = createCheckout({
    api,
    channel: manualChannel(),
    storage: memoryStorage(),
    lifecycle: fakeLifecycle(),
    createKey: () => 'key-1',
  })
  const final = await checkout.submit(request(1200))
  expect(final.status).toBe('failed')
  return final.error as AnyTradeKitError
}

/** The error of reading an order the team's API answers without an amount. */
async function malformedOrder() {
  const never = () => new Promise<never>(() => {})
  const api = {
    listOrders: never,
    getOrder: async () => ({ orderId: 'o1', status: 'paid' }),
    cancelOrder: never,
    requestRefund: never,
  } as unknown as OrdersApi
  const orders = createOrders({ api })
  const result = await orders.getOrder('o1')
  orders.dispose()
  if (result.ok) throw new Error('expected the malformed order to be refused')
  return result.error
}

describe('in a production build (NODE_ENV=production) a TradeKitError carries no developer text', () => {
  it('the message is the code, for thrown errors of money, the cart and the sku matrix', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(badCurrency()).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'INVALID_ARGUMENT' })
    expect(badCartItem()).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'INVALID_ARGUMENT' })
    expect(mixedCurrencies()).toMatchObject({
      code: 'CURRENCY_MISMATCH',
      message: 'CURRENCY_MISMATCH',
      currencies: ['USD', 'CNY'],
    })
    expect(twinSkus()).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'INVALID_ARGUMENT' })
  })

  it('an order of the wrong shape is still refused, with the code as the message', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(await malformedOrder()).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'INVALID_ARGUMENT' })
  })

  it('an error built without a message has its code as the message and keeps its data', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const quote = { payable: money(1300) } as unknown as Quote
    const cause = new Error('socket hang up')
    const changed = new TradeKitError('PRICE_CHANGED', undefined, { quote, cause })
    expect(changed).toMatchObject({ code: 'PRICE_CHANGED', message: 'PRICE_CHANGED', quote })
    expect(changed.cause).toBe(cause)
    expect(new TradeKitError('OUT_OF_STOCK', undefined, { skuIds: ['a'] })).toMatchObject({
      message: 'OUT_OF_STOCK',
      skuIds: ['a'],
    })
    // a message the team's own code gives is kept: only TradeKit's text is development-only
    expect(new TradeKitError('NETWORK', 'HTTP 502').message).toBe('HTTP 502')
  })

  it("the checkout's errors: PRICE_CHANGED keeps the amounts, OUT_OF_STOCK its skuIds", async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const moved = await failedCheckout(fakeApi({ payable: () => money(1500) }))
    expect(moved).toMatchObject({
      code: 'PRICE_CHANGED',
      message: 'PRICE_CHANGED',
      amount: money(1500),
      expectedPayable: money(1200),
      orderId: 'o1',
    })
    const api = fakeApi()
    api.createOrder.mockRejectedValueOnce(new TradeKitError('OUT_OF_STOCK', undefined, { skuIds: ['tea'] }))
    expect(await failedCheckout(api)).toMatchObject({
      code: 'OUT_OF_STOCK',
      message: 'OUT_OF_STOCK',
      skuIds: ['tea'],
    })
  })
})

describe('in development the same errors keep their text', () => {
  it('money, the cart, the sku matrix and the default messages', () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect(badCurrency().message).toBe('Currency must be an ISO 4217 code, got usd')
    expect(badCartItem().message).toBe('title must be a string')
    expect(mixedCurrencies()).toMatchObject({
      message: 'price is in USD, the cart in CNY',
      currencies: ['USD', 'CNY'],
    })
    expect(twinSkus().message).toBe('skuId a is given twice')
    expect(new TradeKitError('PRICE_CHANGED').message).toBe('The price changed since it was shown')
  })

  it('an order of the wrong shape, named with what is wrong', async () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect((await malformedOrder()).message).toBe('getOrder answered an order without a valid amount')
  })

  it("the checkout's errors", async () => {
    vi.stubEnv('NODE_ENV', 'development')
    const moved = await failedCheckout(fakeApi({ payable: () => money(1500) }))
    expect(moved).toMatchObject({
      code: 'PRICE_CHANGED',
      message: 'The order total differs from the agreed total',
      amount: money(1500),
    })
    const api = fakeApi()
    api.createOrder.mockRejectedValueOnce(new TradeKitError('OUT_OF_STOCK', undefined, { skuIds: ['tea'] }))
    expect(await failedCheckout(api)).toMatchObject({
      message: 'Some items are out of stock',
      skuIds: ['tea'],
    })
  })
})
