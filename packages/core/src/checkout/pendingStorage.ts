import type { StoragePort } from '../storage/storage'
import { storageQueue } from '../storage/timeboxed'
import { mergeOrders, parsePendingOrders, type StoredCheckout, serializePendingOrders } from './pendingOrders'
import { shareRecord } from './sharedRecord'

/** Where the checkout keeps its pending orders: one record, written in order, never thrown at. */
export interface PendingStorage {
  /**
   * Reads the record. `late` is called when a read that timed out answers after all, so what a slow
   * storage held is merged instead of written over.
   */
  read(
    late: (stored: StoredCheckout) => void,
  ): Promise<StoredCheckout & { issue?: 'storage_corrupt' | 'storage_failed' }>
  /** Queues a write (a removal when nothing is left); resolves with `false` when it failed. */
  write(stored: StoredCheckout): Promise<boolean>
  /** The checkout is in use: the record's other checkouts keep what it holds. */
  use(): void
  /** The checkout is disposed: the others keep what it held until one of them ends it. */
  release(): void
}

// The stored record with the orders of `held` that `next` does not have (the newer first).
function merged(next: StoredCheckout, held: StoredCheckout): StoredCheckout {
  const unanswered = next.unanswered ?? held.unanswered
  return { orders: [...mergeOrders(next.orders, held.orders)], ...(unanswered ? { unanswered } : {}) }
}

/** The record a storage that answers at once holds now; none for an asynchronous one, or a failed read. */
function recordNow(storage: StoragePort, key: string, synchronous: boolean): StoredCheckout {
  try {
    const raw = synchronous ? storage.getItem(key) : null
    return parsePendingOrders(typeof raw === 'string' ? raw : null)
  } catch {
    return { orders: [] }
  }
}

/**
 * The pending-order record of one user behind the storage port. Nothing is written before the
 * launch's read (`read`, called once, first) has settled. When that read failed, the record is still
 * unread: each write first reads it again and merges what it holds (and tells the checkout, through
 * `late`), so orders of an earlier session, perhaps paid, are never written over; a write whose read
 * fails again writes nothing. One rule covers every write asked for before a read answered (the
 * launch's or a later one): it keeps what that read found, which the checkout did not know yet.
 * Other checkouts over the same storage object and key (two providers, a killed app's checkout whose
 * promises still settle) share the record (sharedRecord.ts): a write keeps the orders they hold. Each
 * write to a storage that answers at once reads the record first, in the same task, and keeps the
 * orders a checkout over another object for the same storage wrote (another H5 tab).
 */
export function pendingStorage(storage: StoragePort, key: string): PendingStorage {
  let settle: () => void = () => {}
  let writes: Promise<boolean> = new Promise<boolean>((resolve) => {
    settle = () => resolve(true)
  })
  let unread: ((stored: StoredCheckout) => void) | undefined
  // what the last read found, and how many reads answered: a write asked for before a read answered
  // keeps those orders too
  let found: StoredCheckout = { orders: [] }
  let reads = 0
  const share = shareRecord(storage, key)
  const learned = (record: StoredCheckout, late: (stored: StoredCheckout) => void) => {
    unread = undefined
    share.read(record)
    found = record
    reads++
    late(record)
  }
  // one storage call at a time: a slow write never lands over a newer one
  const queued = storageQueue()
  // a storage that answers at once (Taro's, an H5 tab's localStorage) is read again by each write, in
  // the same task: an asynchronous one would hold every write back by a read
  let synchronous = false
  return {
    async read(late) {
      // a read that answers after its time is merged, unless a write has read the record since
      const answeredLate = (raw: string | null) => {
        if (unread === late) learned(parsePendingOrders(raw), late)
      }
      try {
        const { corrupt, ...stored } = parsePendingOrders(
          await queued(() => {
            const raw = storage.getItem(key)
            synchronous = raw === null || typeof raw === 'string'
            return raw
          }, answeredLate),
        )
        share.read(stored)
        found = stored
        reads++
        return corrupt ? { ...stored, issue: 'storage_corrupt' } : stored
      } catch (error) {
        console.warn('[TradeKit] checkout could not read its pending orders', error)
        unread = late
        return { orders: [], issue: 'storage_failed' }
      } finally {
        settle()
      }
    },
    write(next) {
      const knew = reads
      writes = writes.then(async () => {
        try {
          let stored = next
          const late = unread
          if (late) {
            const record = parsePendingOrders(await queued(() => storage.getItem(key)))
            if (unread === late) learned(record, late)
            stored = merged(stored, record)
          } else if (reads !== knew) stored = merged(stored, found)
          // the record is made when the call runs: with the other checkouts' latest orders, and
          // those a checkout over another object for this storage wrote (read in the same call)
          await queued(() => {
            const record = share.record(stored, recordNow(storage, key, synchronous))
            return record.orders.length === 0 && !record.unanswered
              ? storage.removeItem(key)
              : storage.setItem(key, serializePendingOrders(record))
          })
          return true
        } catch (error) {
          console.warn('[TradeKit] checkout could not persist its pending orders', error)
          return false
        }
      })
      return writes
    },
    use: share.use,
    release: share.leave,
  }
}
