import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The vitest config of a core benchmark folder (`bench/<folder>/*.bench.ts`): benchmarks only, run
 * against core's sources, no build needed.
 */
export function coreBenchConfig(folder: string) {
  return defineConfig({
    root: fileURLToPath(new URL('..', import.meta.url)),
    resolve: {
      alias: { '@tradekit/core': fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url)) },
    },
    test: {
      include: [],
      benchmark: { include: [`bench/${folder}/**/*.bench.ts`] },
    },
  })
}
