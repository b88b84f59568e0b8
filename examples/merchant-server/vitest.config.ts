import { defineConfig } from 'vitest/config'

// Workspace packages (@tradekit/server) are read from their sources ('source'), then Vite's own
// server conditions. No 'import' here: Vitest hands the list to Node, and with it `pg`'s
// require('pg-pool') would load pg-pool's ES module.
const conditions = ['source', 'module', 'node', 'development|production']

// DATABASE_URL set → every test runs against that PostgreSQL server (each app in a schema of its
// own); unset → embedded PGlite in temporary folders.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'merchant-server',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    // Each file starts its own database; two at a time suit a 2-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
