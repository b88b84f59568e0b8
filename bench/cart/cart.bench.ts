// Cost of the cart and of pricing as the cart grows. Figures only — nothing here asserts a time.
// Run: pnpm bench:cart. It prints, as Markdown tables:
//   1. priceCart (3 coupons, 1 fee) at 50, 500 and 5 000 lines;
//   2. one cart operation (setQuantity, select, remove, add) on a 50-, 500- and 5 000-line cart:
//      median µs of single operations, and how much more it costs at 5 000 lines than at 50;
//   3. the persisted write at 50, 500 and 5 000 lines, and how many writes a burst of operations
//      (one tick) makes;
// then vitest's own table: 10 000 mixed operations on a 50- and a 500-line cart (its `mean` column
// is the time of one whole case, e.g. of 10 000 operations) and priceCart again.
import {
  type CartItem,
  type CartStore,
  type Coupon,
  cartLineId,
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

function filledCart(catalogue: readonly CartItem[], storage = memoryStorage()): CartStore {
  const cart = createCart({ storage, userId: 'bench' })
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

// ---------------------------------------------------------------------------------------------
// One operation at 50, 500 and 5 000 lines. Each case runs ROUNDS bursts of PER_ROUND operations;
// every operation is timed alone (the untimed steps around it keep the cart's size), and each burst
// ends with `await flush()` (untimed), so the write happens once per burst as in an app.

const OP_SIZES = [50, 500, 5000]
const ROUNDS = 30
const PER_ROUND = 50

function timed(action: () => unknown): number {
  const start = performance.now()
  action()
  return performance.now() - start
}

interface OpState {
  readonly cart: CartStore
  readonly catalogue: readonly CartItem[]
  readonly ids: readonly string[]
  readonly quantities: Map<string, number>
  readonly selected: Map<string, boolean>
}

// each case does one timed operation for the i-th step (the line picked by a stride over the
// catalogue) and returns its milliseconds
const opCases: [string, (state: OpState, i: number) => number][] = [
  [
    'setQuantity (a line, to another quantity)',
    ({ cart, ids, quantities }, i) => {
      const id = ids[(i * 7919) % ids.length]!
      const quantity = quantities.get(id) === 2 ? 3 : 2
      quantities.set(id, quantity)
      return timed(() => cart.setQuantity(id, quantity))
    },
  ],
  [
    'select (a line, toggled)',
    ({ cart, ids, selected }, i) => {
      const id = ids[(i * 7919) % ids.length]!
      const next = !(selected.get(id) ?? true)
      selected.set(id, next)
      return timed(() => cart.select(id, next))
    },
  ],
  [
    'remove (a line; added back, untimed)',
    ({ cart, catalogue, ids, quantities }, i) => {
      const at = (i * 7919) % ids.length
      const elapsed = timed(() => cart.remove(ids[at]!))
      cart.add(catalogue[at]!, quantities.get(ids[at]!) ?? 1)
      return elapsed
    },
  ],
  [
    'add (a new line; removed, untimed)',
    ({ cart, catalogue }, i) => {
      const { options: _options, ...item } = catalogue[(i * 7919) % catalogue.length]!
      const skuId = `new-${i}`
      const elapsed = timed(() => cart.add({ ...item, skuId }, 1))
      cart.remove(skuId)
      return elapsed
    },
  ],
  [
    'add again (merges into its line; quantity set back, untimed)',
    ({ cart, catalogue, ids, quantities }, i) => {
      const at = (i * 7919) % ids.length
      const quantity = quantities.get(ids[at]!) ?? 1
      const elapsed = timed(() => cart.add(catalogue[at]!, 1))
      cart.setQuantity(ids[at]!, quantity)
      return elapsed
    },
  ],
]

const µs = (ms: number) => (ms * 1000).toFixed(1)

async function measureOperations(): Promise<string[][]> {
  const medians = new Map<string, number[]>()
  for (const size of OP_SIZES) {
    const catalogue = items(size)
    const state: OpState = {
      cart: filledCart(catalogue),
      catalogue,
      ids: catalogue.map((item) => cartLineId(item.skuId, item.options)),
      quantities: new Map(),
      selected: new Map(),
    }
    await state.cart.flush()
    for (const [name, run] of opCases) {
      const times: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        for (let step = 0; step < PER_ROUND; step++) times.push(run(state, round * PER_ROUND + step))
        await state.cart.flush()
      }
      // the first round warms up
      medians.set(name, [...(medians.get(name) ?? []), median(times.slice(PER_ROUND))])
    }
  }
  return [...medians].map(([name, [small, middle, large]]) => [
    name,
    µs(small!),
    µs(middle!),
    µs(large!),
    `${(large! / small!).toFixed(1)}×`,
  ])
}

// The write: after one setQuantity, `await flush()` — serialising the lines and setItem. Measured
// twice: with memoryStorage keeping the string as it is, and with a storage that copies the text out
// as UTF-8 (as a platform's storage bridge does; an engine that built the string from parts joins
// them then). And how many writes a burst of operations (one tick) makes.
async function measureWrites(): Promise<string[][]> {
  const rows: string[][] = []
  const encoder = new TextEncoder()
  for (const size of OP_SIZES) {
    const catalogue = items(size)
    const storage = memoryStorage()
    let writes = 0
    let readOut = false
    const setItem = storage.setItem
    storage.setItem = (key, value) => {
      writes++
      if (readOut) encoder.encode(value)
      return setItem(key, value)
    }
    const cart = filledCart(catalogue, storage)
    await cart.flush()
    const ids = catalogue.map((item) => cartLineId(item.skuId, item.options))
    // `first`: a quantity no line has yet, so every round changes one line
    const writeTimes = async (first: number) => {
      const times: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        cart.setQuantity(ids[(round * 7919) % ids.length]!, first + (round % 2))
        const start = performance.now()
        await cart.flush()
        times.push(performance.now() - start)
      }
      return times.slice(3)
    }
    const kept = await writeTimes(2)
    readOut = true
    const copied = await writeTimes(4)
    readOut = false
    // a burst: PER_ROUND mixed operations in one tick
    writes = 0
    for (let i = 0; i < PER_ROUND; i++) {
      const id = ids[(i * 7919) % ids.length]!
      if (i % 4 === 0) cart.setQuantity(id, 6 + (i % 3))
      else if (i % 4 === 1) cart.select(id, i % 8 === 1)
      else if (i % 4 === 2) cart.add(catalogue[(i * 31) % catalogue.length]!, 1)
      else cart.update([{ ...catalogue[(i * 13) % catalogue.length]!, stock: 40 + (i % 7) }])
    }
    await cart.flush()
    const record = storage.getItem('tradekit:default:bench:cart') as string
    rows.push([
      `${size} lines`,
      median(kept).toFixed(3),
      Math.min(...kept).toFixed(3),
      median(copied).toFixed(3),
      (encoder.encode(record).length / 1000).toFixed(0),
      `${writes} (${PER_ROUND} operations)`,
    ])
  }
  return rows
}

const operationRows = await measureOperations()
const writeRows = await measureWrites()
// the goals of the performance round: an action does not grow with the cart, a write is cheap
const ratioOf = (name: string) =>
  Number.parseFloat(operationRows.find((row) => row[0]!.startsWith(name))![4]!)
const ratios = ['setQuantity', 'select'].map((name) => [name, ratioOf(name)] as const)
const write500 = writeRows.find((row) => row[0] === '500 lines')!
const perBurst = writeRows.every((row) => row[5]!.startsWith('1 '))
const goals = [
  `goal: setQuantity and select at 5 000 lines ≤ 3× their 50-line cost — ${ratios.map(([name, r]) => `${name} ${r.toFixed(1)}×`).join(', ')} ${ratios.every(([, r]) => r <= 3) ? '✓' : '✗'}`,
  `goal: one persisted write at 500 lines ≤ 0.3 ms, at most one per burst — ${write500[1]} ms, ${perBurst ? 'one write per burst' : 'more than one write in a burst'} ${Number.parseFloat(write500[1]!) <= 0.3 && perBurst ? '✓' : '✗'}`,
]

console.log(
  [
    '',
    `One cart operation — median µs of ${(ROUNDS - 1) * PER_ROUND} single operations (after ${PER_ROUND} warm-up), one subscriber, memoryStorage, a write per burst of ${PER_ROUND}`,
    '',
    table(['operation', '50 lines µs', '500 lines µs', '5 000 lines µs', '5 000 ÷ 50'], operationRows),
    '',
    `The persisted write — after one setQuantity, \`await flush()\` (serialise + setItem); medians of ${ROUNDS - 3} writes after 3 warm-up; then the writes one burst makes (${PER_ROUND} mixed operations in one tick)`,
    '',
    table(
      [
        'cart',
        'one write, median ms',
        'min ms',
        'text copied out as UTF-8, median ms',
        'record KB (UTF-8)',
        'writes per burst',
      ],
      writeRows,
    ),
    '',
    ...goals,
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
