import { defineConfig } from 'vitest/config'

// DATABASE_URL set → every test runs against that PostgreSQL server (each app in a schema of its
// own); unset → embedded PGlite in temporary folders.
export default defineConfig({
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
