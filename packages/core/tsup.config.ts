import { defineConfig } from 'tsup'

const common = { sourcemap: true, target: 'es2018', clean: false } as const

export default defineConfig([
  // ESM: one module per source file (code they share in chunks), so an app's bundler places each
  // module where it is used — a mini-program keeps checkout-only code, such as the checkout's text,
  // in the subpackage that uses it instead of the main package.
  {
    ...common,
    entry: ['src/**/*.ts'],
    format: ['esm'],
    splitting: true,
    dts: { entry: 'src/index.ts' },
  },
  // CommonJS for require(): one file.
  { ...common, entry: ['src/index.ts'], format: ['cjs'], dts: true, treeshake: true },
])
