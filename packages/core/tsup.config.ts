import { defineConfig } from 'tsup'
import { entriesUnder } from '../../scripts/tsupEntries'

const common = { sourcemap: true, target: 'es2018', clean: false } as const

// The entries: the main one, and the en-US locale pack (its own subpath, so a zh-CN app carries no
// English text).
const entries = { index: 'src/index.ts', 'locales/en-US/index': 'src/locales/en-US/index.ts' }

export default defineConfig([
  // ESM: one module per source file (code they share in chunks), so an app's bundler places each
  // module where it is used — a mini-program keeps checkout-only code, such as the checkout's text,
  // in the subpackage that uses it instead of the main package.
  {
    ...common,
    entry: entriesUnder('src', (name) => name.endsWith('.ts')),
    format: ['esm'],
    splitting: true,
    dts: { entry: entries },
  },
  // CommonJS for require(): one file per entry.
  { ...common, entry: entries, format: ['cjs'], dts: true, treeshake: true },
])
