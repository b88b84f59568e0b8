import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { type Database, parseSafeInteger, type Queryable } from './database.ts'

const INT8 = 20
const NUMERIC = 1700

/** Embedded PostgreSQL (WASM) keeping its files in `dataDir`; it serialises transactions itself. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir, {
    parsers: { [INT8]: parseSafeInteger, [NUMERIC]: parseSafeInteger },
  })
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await target.query<Row>(sql, params ? [...params] : undefined)).rows

  return {
    driver: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (work) =>
      db.transaction((tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) }
        return work(scoped)
      }),
    close: () => db.close(),
  }
}
