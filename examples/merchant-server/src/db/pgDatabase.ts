import pg from 'pg'
import { type Database, parseSafeInteger, type Queryable } from './database.ts'

const INT8 = 20
const NUMERIC = 1700

/** A real PostgreSQL server through a `pg` pool; each transaction holds one pooled connection. */
export async function openPgDatabase(options: {
  readonly url: string
  readonly schema?: string
  readonly maxConnections?: number
}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // The schema is checked against a strict pattern before it gets here.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? parseSafeInteger
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)

  const run = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await target.query(sql, params ? [...params] : undefined)).rows as Row[]

  return {
    driver: 'pg',
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect()
      let broken: unknown
      try {
        await client.query('BEGIN')
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params) }
        const result = await work(scoped)
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          broken = rollbackError
        }
        throw error
      } finally {
        // A connection whose rollback failed is in an unknown state: destroy it, never reuse it.
        client.release(broken instanceof Error ? broken : undefined)
      }
    },
    close: () => pool.end(),
  }
}
