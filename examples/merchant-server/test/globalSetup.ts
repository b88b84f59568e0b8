import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite folder that tests copy instead of running initdb each time (PGlite mode only). */
    pgliteTemplate: string
  }
}

/** PGlite mode: initialise and migrate one database folder, once per run; tests start from copies. */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return
  const dir = mkdtempSync(join(tmpdir(), 'merchant-server-template-'))
  const db = await openDatabase({ dataDir: dir })
  await migrate(db)
  await db.close()
  project.provide('pgliteTemplate', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
