import { defineConfig, type Options } from 'tsup'
import { entriesUnder } from '../../scripts/tsupEntries'

const common: Options = {
  sourcemap: true,
  clean: false,
  target: 'es2018',
  external: ['react', 'react/jsx-runtime', /^@tradekit\//],
}

export default defineConfig([
  // ESM: one module per source file (shared code in chunks), as in @tradekit/core, so an app's bundler
  // keeps each hook where it is used: a mini-program's main package carries the provider and the cart
  // hooks its main pages use, not the order centre's or the checkout form's.
  {
    ...common,
    entry: entriesUnder('src', (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts')),
    format: ['esm'],
    splitting: true,
    dts: { entry: { index: 'src/index.ts' } },
  },
  // CommonJS for require(): one file.
  { ...common, entry: { index: 'src/index.ts' }, format: ['cjs'], dts: true, treeshake: true },
])
