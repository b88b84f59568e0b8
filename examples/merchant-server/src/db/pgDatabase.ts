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
      // A deadlock or serialization failure aborts one of the transactions involved; it is safe to
      // run that one again from the start (nothing of it was committed).
      for (let attempt = 1; ; attempt++) {
        try {
          return await runTransaction(work)
        } catch (error) {
          if (attempt >= 3 || !isRetryable(error)) throw error
          // A short, jittered pause lets the transaction that won finish before this one retries.
          await new Promise((resolve) => setTimeout(resolve, attempt * 20 + Math.random() * 20))
        }
      }
    },
    close: () => pool.end(),
  }

  async function runTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
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
  }
}

/** `deadlock_detected` and `serialization_failure`. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}
