// Cost of the cart and of pricing as the cart grows: 10 000 mixed operations on a 50- and a
// 500-line cart, and one priceCart at 50 and 500 lines. Figures only — nothing here asserts a time.
// Run: pnpm bench:cart (the `mean` column is the time of one whole case, e.g. of 10 000 operations).
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
    const lines = filledCart(catalogue).getSnapshot().lines
    bench(`priceCart (${size} lines, 3 coupons, 1 fee)`, () => {
      priceCart(lines, { member: true, coupons, fees, now: 0 })
    })
  })
}
