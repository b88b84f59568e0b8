import type { NonceStore } from '@tradekit/server'
import type { Queryable } from '../db/database.ts'

/**
 * The seen nonces of platform callbacks, kept in the database: a restart does not forget them, and
 * several server processes on one PostgreSQL share them. The primary key decides which of two
 * concurrent deliveries of one message is first.
 */
export function databaseNonceStore(db: Queryable, now: () => number): NonceStore {
  let calls = 0
  return {
    async remember(key, ttlMs) {
      const at = now()
      // Now and then, forget what expired (a verifier refuses anything that old by its timestamp anyway).
      if (++calls % 100 === 0) await db.query('DELETE FROM seen_nonces WHERE expires_at <= $1', [at])
      await db.query('DELETE FROM seen_nonces WHERE key = $1 AND expires_at <= $2', [key, at])
      const inserted = await db.query(
        'INSERT INTO seen_nonces (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, at + ttlMs],
      )
      return inserted.length === 1
    },
  }
}
