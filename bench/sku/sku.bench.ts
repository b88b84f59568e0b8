// Cost of one "which values are still possible" query (skuSelection) on a large product: 10 spec
// groups × 10 values and 5 000 SKUs (a fifth of them sold out), generated from a fixed seed.
// Figures only — nothing here asserts a time; the goal line says whether the median meets it.
// Run: pnpm bench:sku. It first prints the medians as a Markdown table, then vitest's own table.
import { type Sku, type SkuChoice, type SkuSpecGroup, skuMatrix, skuSelection } from '@tradekit/core'
import { bench, describe } from 'vitest'
import { table } from '../table.mjs'

const GROUPS = 10
const VALUES = 10
const SKUS = 5000
const RUNS = 200
const WARMUP = 20
// One tap must redraw the selector within a frame (16 ms) on a mini-program engine without a JIT,
// which can be some 30 times slower than Node: a query's median in Node should stay under 0.5 ms.
const GOAL_MS = 0.5

// mulberry32: a small seeded generator, so every run measures the same product
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const next = random(16)
const specs: SkuSpecGroup[] = Array.from({ length: GROUPS }, (_, g) => ({
  id: `g${g}`,
  name: `规格${g}`,
  values: Array.from({ length: VALUES }, (_, v) => ({ id: `g${g}v${v}`, name: `值${v}` })),
}))

function generateSkus(): Sku[] {
  const seen = new Set<string>()
  const skus: Sku[] = []
  while (skus.length < SKUS) {
    const combo = specs.map(() => Math.floor(next() * VALUES))
    const key = combo.join(',')
    if (seen.has(key)) continue
    seen.add(key)
    skus.push({
      skuId: `sku-${skus.length}`,
      specs: Object.fromEntries(combo.map((v, g) => [`g${g}`, `g${g}v${v}`])),
      price: { amount: 1000 + Math.floor(next() * 19_000), currency: 'CNY' },
      stock: next() < 0.2 ? 0 : 1 + Math.floor(next() * 50),
    })
  }
  return skus
}

const skus = generateSkus()
const matrix = skuMatrix(specs, skus)
// choices that follow a buyable SKU, as a user tapping through the selector makes them
const target = skus.find((sku) => sku.stock > 0)!
const choiceOf = (groups: number): SkuChoice =>
  Object.fromEntries(specs.slice(0, groups).map((group) => [group.id, target.specs[group.id]]))
const QUERIES: [string, SkuChoice][] = [
  ['nothing chosen', {}],
  ['1 group chosen', choiceOf(1)],
  ['3 groups chosen', choiceOf(3)],
  ['9 groups chosen', choiceOf(9)],
  ['all 10 chosen', choiceOf(10)],
]

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function measure(run: () => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return times
}

const possibleCount = (choice: SkuChoice) =>
  Object.values(skuSelection(matrix, choice).possible).reduce(
    (count, values) => count + Object.values(values).filter(Boolean).length,
    0,
  )

const rows = QUERIES.map(([label, choice]) => {
  const times = measure(() => skuSelection(matrix, choice), RUNS, WARMUP)
  return [
    `skuSelection, ${label}`,
    `${possibleCount(choice)} / ${GROUPS * VALUES}`,
    median(times).toFixed(3),
    Math.min(...times).toFixed(3),
    Math.max(...times).toFixed(3),
  ]
})
const buildTimes = measure(() => skuMatrix(specs, skus), 20, 3)
rows.push([
  'skuMatrix (check and index, once per product)',
  '',
  median(buildTimes).toFixed(3),
  Math.min(...buildTimes).toFixed(3),
  Math.max(...buildTimes).toFixed(3),
])
const worst = Math.max(...rows.slice(0, QUERIES.length).map((row) => Number(row[2])))
console.log(
  [
    '',
    `skuSelection — ${GROUPS} groups × ${VALUES} values, ${SKUS.toLocaleString('en-US')} SKUs ` +
      `(${matrix.skus.length - skus.filter((sku) => sku.stock > 0).length} sold out); ` +
      `${RUNS} runs after ${WARMUP} warm-up runs (skuMatrix: 20 after 3)`,
    '',
    table(['query', 'values possible', 'median ms', 'min ms', 'max ms'], rows),
    '',
    `goal: one query's median under ${GOAL_MS} ms in Node — ${worst <= GOAL_MS ? 'met' : 'NOT met'} (slowest median ${worst.toFixed(3)} ms)`,
    '',
  ].join('\n'),
)

describe(`skuSelection (${GROUPS} × ${VALUES}, ${SKUS} SKUs)`, () => {
  for (const [label, choice] of QUERIES) {
    bench(`skuSelection, ${label}`, () => {
      skuSelection(matrix, choice)
    })
  }
  bench('skuMatrix', () => {
    skuMatrix(specs, skus)
  })
})
