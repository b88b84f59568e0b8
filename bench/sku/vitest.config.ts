import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Benchmarks only (`pnpm bench:sku`): run against the sources, no build needed.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    alias: { '@tradekit/core': fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: [],
    benchmark: { include: ['bench/sku/**/*.bench.ts'] },
  },
})
