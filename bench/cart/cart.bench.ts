// Cost of the cart and of pricing as the cart grows: 10 000 mixed operations on a 50- and a
// 500-line cart, and one priceCart (3 coupons, 1 fee) at 50, 500 and 5 000 lines. Figures only —
// nothing here asserts a time.
// Run: pnpm bench:cart. It first prints priceCart's medians as a Markdown table, then vitest's own
// table (its `mean` column is the time of one whole case, e.g. of 10 000 operations).
import {
  type CartItem,
  type CartStore,
  type Coupon,
  createCart,
  memoryStorage,
  money,
  priceCart,
} from '@tradekit/core'
import { bench, describe } from 'vitest'
import { table } from '../table.mjs'

const OPERATIONS = 10_000

function items(count: number): CartItem[] {
  return Array.from({ length: count }, (_, index) => ({
    skuId: `sku-${index}`,
    title: `商品 ${index}`,
    price: money(1000 + ((index * 37) % 9000)),
    ...(index % 3 === 0 ? { memberPrice: money(900 + ((index * 37) % 9000)) } : {}),
    ...(index % 4 === 0 ? { originalPrice: money(12000) } : {}),
    stock: 50,
    maxQuantity: 20,
    ...(index % 10 === 0 ? { options: { slot: `slot-${index}` } } : {}),
    attributes: [{ name: '颜色', value: index % 2 ? '黑' : '白' }],
  }))
}

function filledCart(catalogue: readonly CartItem[]): CartStore {
  const cart = createCart({ storage: memoryStorage(), userId: 'bench' })
  for (const item of catalogue) cart.add(item, 1)
  cart.subscribe(() => {}) // a subscriber, as the React binding would have
  return cart
}

// A mix a shopper and the app produce: quantities, selection, re-adds, server refreshes.
function operate(cart: CartStore, catalogue: readonly CartItem[]): void {
  const lineIds = cart.getSnapshot().lines.map((line) => line.lineId)
  for (let i = 0; i < OPERATIONS; i++) {
    const at = (i * 7919) % lineIds.length
    switch (i % 8) {
      case 0:
      case 1:
      case 2:
        cart.setQuantity(lineIds[at]!, 1 + (i % 5))
        break
      case 3:
        cart.select(lineIds[at]!, i % 16 !== 3)
        break
      case 4:
        cart.add(catalogue[(i * 31) % catalogue.length]!, 1)
        break
      case 5: {
        const item = catalogue[(i * 13) % catalogue.length]!
        cart.update([{ ...item, price: money(item.price.amount + (i % 2)) }])
        break
      }
      case 6:
        cart.selectAll(i % 48 !== 6)
        break
      default:
        cart.getSnapshot()
    }
  }
}

const coupons: Coupon[] = [
  { id: 'full', kind: 'threshold', threshold: money(20000), amountOff: money(3000), repeat: true },
  {
    id: 'pct',
    kind: 'percent',
    percentOffBps: 1200,
    maxDiscount: money(50000),
    skuIds: ['sku-1', 'sku-2', 'sku-30'],
  },
  { id: 'cash', kind: 'amount', amountOff: money(1500), minSpend: money(10000) },
]
const fees = [{ id: 'delivery', amount: money(800), freeFrom: money(9900) }]

const PRICE_SIZES = [50, 500, 5000]
const PRICE_RUNS = 25
const PRICE_WARMUP = 3

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const pricedLines = new Map(PRICE_SIZES.map((size) => [size, filledCart(items(size)).getSnapshot().lines]))
const price = (size: number) => priceCart(pricedLines.get(size)!, { member: true, coupons, fees, now: 0 })

const priceRows = PRICE_SIZES.map((size) => {
  for (let i = 0; i < PRICE_WARMUP; i++) price(size)
  const times: number[] = []
  let quote = price(size)
  for (let i = 0; i < PRICE_RUNS; i++) {
    const start = performance.now()
    quote = price(size)
    times.push(performance.now() - start)
  }
  return [
    `${size} lines`,
    quote.couponId ?? 'none',
    median(times).toFixed(2),
    Math.min(...times).toFixed(2),
    Math.max(...times).toFixed(2),
  ]
})
console.log(
  [
    '',
    `priceCart — member prices, 3 coupons (best chosen), 1 fee; ${PRICE_RUNS} runs after ${PRICE_WARMUP} warm-up runs`,
    '',
    table(['priceCart, 3 coupons', 'coupon applied', 'median ms', 'min ms', 'max ms'], priceRows, [0, 1]),
    '',
  ].join('\n'),
)

for (const size of [50, 500]) {
  const catalogue = items(size)
  describe(`${size}-line cart`, () => {
    const cart = filledCart(catalogue)
    bench(
      `${OPERATIONS} cart operations (${size} lines), then the coalesced write`,
      async () => {
        operate(cart, catalogue)
        await cart.flush()
      },
      { iterations: 5, time: 0, warmupIterations: 1 },
    )
  })
}

describe('priceCart', () => {
  for (const size of PRICE_SIZES) {
    bench(`priceCart (${size} lines, 3 coupons, 1 fee)`, () => {
      price(size)
    })
  }
})
