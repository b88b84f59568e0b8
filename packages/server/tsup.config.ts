import { defineConfig } from 'tsup'

// Node only: one ESM and one CommonJS file, node:crypto stays external (a built-in).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: false,
  treeshake: true,
  // Keep `node:crypto` as written: Node built-ins only, and what the client-bundle check looks for.
  removeNodeProtocol: false,
})
