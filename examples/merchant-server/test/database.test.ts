import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../src/db/database.ts'
import { migrate, SCHEMA_VERSION } from '../src/db/migrate.ts'
import { DRIVER, freshLocation } from './harness.ts'

const location = freshLocation()
let db: Database

beforeAll(async () => {
  db = await openDatabase(
    'schema' in location
      ? { url: process.env.DATABASE_URL!, schema: location.schema }
      : { dataDir: location.dataDir },
  )
  await migrate(db)
  await db.query('CREATE TABLE probe (id integer PRIMARY KEY, note text NOT NULL)')
})
afterAll(async () => {
  if ('schema' in location) await db.query(`DROP SCHEMA ${location.schema} CASCADE`)
  await db.close()
  if ('dataDir' in location) rmSync(location.dataDir, { recursive: true, force: true })
})

describe(`the query layer on ${DRIVER}`, () => {
  it('commits a transaction that resolves', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe (id, note) VALUES ($1, $2)', [1, 'kept'])
      return 'done'
    })
    expect(result).toBe('done')
    expect(await db.query('SELECT id, note FROM probe ORDER BY id')).toEqual([{ id: 1, note: 'kept' }])
  })

  it('rolls back every statement of a transaction that throws, including after a SQL error', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id, note) VALUES ($1, $2)', [2, 'half'])
        throw new Error('stop here')
      }),
    ).rejects.toThrow('stop here')
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id, note) VALUES ($1, $2)', [3, 'half'])
        await tx.query('INSERT INTO probe (id, note) VALUES ($1, $2)', [1, 'duplicate key'])
      }),
    ).rejects.toThrow()
    expect(await db.query('SELECT id FROM probe ORDER BY id')).toEqual([{ id: 1 }])
    // The connection is usable afterwards.
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }])
  })

  it('reads int8, jsonb and arrays the same way on both drivers', async () => {
    const [row] = await db.query<{ big: number; doc: unknown; hit: boolean }>(
      `SELECT 9007199254740991::int8 AS big, $1::jsonb AS doc, 'b' = ANY($2::text[]) AS hit`,
      [JSON.stringify({ a: [1, 'x'] }), ['a', 'b']],
    )
    expect(row).toEqual({ big: Number.MAX_SAFE_INTEGER, doc: { a: [1, 'x'] }, hit: true })
    await expect(db.query('SELECT 9007199254740993::int8 AS big')).rejects.toThrow('out of range')
  })

  if (DRIVER === 'pg') {
    it('runs a transaction again when PostgreSQL aborts it in a deadlock', async () => {
      await db.query(`INSERT INTO probe (id, note) VALUES (10, 'a'), (11, 'b')`)
      let firstLocked!: () => void
      let secondLocked!: () => void
      const first = new Promise<void>((resolve) => {
        firstLocked = resolve
      })
      const second = new Promise<void>((resolve) => {
        secondLocked = resolve
      })
      let runs = 0
      // Each locks one row, waits until the other has locked its row, then wants the other's row.
      const lockBoth = (mine: number, theirs: number, locked: () => void, other: Promise<void>) =>
        db.transaction(async (tx) => {
          runs += 1
          await tx.query('UPDATE probe SET note = note WHERE id = $1', [mine])
          locked()
          await other
          await tx.query('UPDATE probe SET note = note WHERE id = $1', [theirs])
          return mine
        })
      const results = await Promise.all([
        lockBoth(10, 11, firstLocked, second),
        lockBoth(11, 10, secondLocked, first),
      ])
      expect(results).toEqual([10, 11])
      // PostgreSQL aborted (at least) one of them; it ran again and went through.
      expect(runs).toBeGreaterThanOrEqual(3)
      await db.query('DELETE FROM probe WHERE id IN (10, 11)')
    })
  } else {
    it('runs transactions one at a time (PGlite has a single connection)', async () => {
      const log: string[] = []
      const step = (name: string) =>
        db.transaction(async (tx) => {
          log.push(`${name} begins`)
          await tx.query('SELECT count(*) FROM probe')
          await new Promise((resolve) => setImmediate(resolve))
          await tx.query('SELECT count(*) FROM probe')
          log.push(`${name} ends`)
        })
      await Promise.all([step('one'), step('two'), db.query('SELECT 1').then(() => log.push('query'))])
      expect(log).toEqual(['one begins', 'one ends', 'two begins', 'two ends', 'query'])
    })
  }

  it('migrates idempotently and records the schema version', async () => {
    await migrate(db)
    const [meta] = await db.query<{ version: number }>('SELECT version FROM schema_meta')
    expect(meta?.version).toBe(SCHEMA_VERSION)
    const [skus] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM skus')
    expect(skus?.n).toBe(16)
  })

  it('refuses a database of another schema version instead of half-migrating it', async () => {
    await db.query('UPDATE schema_meta SET version = $1', [SCHEMA_VERSION + 1])
    await expect(migrate(db)).rejects.toThrow(`schema version ${SCHEMA_VERSION + 1}`)
    await db.query('UPDATE schema_meta SET version = $1', [SCHEMA_VERSION])
  })
})
