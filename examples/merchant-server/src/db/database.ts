/** Something SQL can be sent to: the database itself or one open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * The one small query layer of the merchant server. Both drivers run the same SQL: embedded
 * PGlite (a folder on disk) and a real PostgreSQL server through `pg`.
 */
export interface Database extends Queryable {
  /** Which driver answers. */
  readonly driver: 'pglite' | 'pg'
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Nothing is ever half-written.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Closes the connection(s); PGlite flushes its folder. */
  close(): Promise<void>
}

/** Where the data lives. */
export type DatabaseOptions =
  | {
      /** A PostgreSQL connection string (`postgres://user@127.0.0.1:5432/db`). */
      readonly url: string
      /** A schema of its own (created when missing), so several servers can share one database. */
      readonly schema?: string
      /** The most connections the pool opens. @default 10 */
      readonly maxConnections?: number
    }
  | {
      /** A folder for PGlite's files (created when missing), or `memory://` for a throwaway database. */
      readonly dataDir: string
    }

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** Opens the database the options name, loading only the driver it needs. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new Error(`Schema name must match ${SCHEMA_NAME}: ${options.schema}`)
    }
    const { openPgDatabase } = await import('./pgDatabase.ts')
    return openPgDatabase(options)
  }
  const { openPgliteDatabase } = await import('./pgliteDatabase.ts')
  return openPgliteDatabase(options.dataDir)
}

/** Converts an int8/numeric column to a number, refusing values that would lose precision. */
export function parseSafeInteger(value: string): number {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed)) throw new Error(`Integer out of range: ${value}`)
  return parsed
}

/**
 * Runs `work`'s reads in one snapshot (a read-only REPEATABLE READ transaction): rows read together
 * (an order, its lines and refunds) are of one moment, so an answer's `version` names what it shows.
 */
export function readSnapshot<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    return work(tx)
  })
}
