import type { StoragePort } from '../storage/storage'
import { timeboxed } from '../storage/timeboxed'
import { mergeOrders, parsePendingOrders, type StoredCheckout, serializePendingOrders } from './pendingOrders'

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
}

// The stored record with the orders of `held` that `next` does not have (the newer first).
function merged(next: StoredCheckout, held: StoredCheckout): StoredCheckout {
  const unanswered = next.unanswered ?? held.unanswered
  return { orders: [...mergeOrders(next.orders, held.orders)], ...(unanswered ? { unanswered } : {}) }
}

/**
 * The pending-order record of one user behind the storage port. Nothing is written before the
 * launch's read (`read`, called once, first) has settled, and a write asked for before then keeps
 * what it found. When that read failed, the record is still unread: each write first reads it
 * again and merges what it holds (and tells the checkout, through `late`), so orders of an earlier
 * session, perhaps paid, are never written over; a write whose read fails again writes nothing.
 */
export function pendingStorage(storage: StoragePort, key: string): PendingStorage {
  let held: StoredCheckout = { orders: [] }
  let readDone = false
  let settle: () => void = () => {}
  let writes: Promise<boolean> = new Promise<boolean>((resolve) => {
    settle = () => resolve(true)
  })
  let unread: ((stored: StoredCheckout) => void) | undefined
  return {
    async read(late) {
      const reading = Promise.resolve().then(() => storage.getItem(key))
      try {
        const { corrupt, ...stored } = parsePendingOrders(await timeboxed(() => reading))
        held = stored
        return corrupt ? { ...stored, issue: 'storage_corrupt' } : stored
      } catch (error) {
        console.warn('[TradeKit] checkout could not read its pending orders', error)
        unread = late
        reading.then(
          (raw) => {
            if (unread !== late) return
            unread = undefined
            late(parsePendingOrders(raw))
          },
          () => {},
        )
        return { orders: [], issue: 'storage_failed' }
      } finally {
        readDone = true
        settle()
      }
    },
    write(next) {
      const early = !readDone
      writes = writes.then(async () => {
        try {
          let stored = early ? merged(next, held) : next
          const late = unread
          if (late) {
            const found = parsePendingOrders(await timeboxed(() => storage.getItem(key)))
            if (unread === late) {
              unread = undefined
              late(found)
            }
            stored = merged(stored, found)
          }
          if (stored.orders.length === 0 && !stored.unanswered) await timeboxed(() => storage.removeItem(key))
          else await timeboxed(() => storage.setItem(key, serializePendingOrders(stored)))
          return true
        } catch (error) {
          console.warn('[TradeKit] checkout could not persist its pending orders', error)
          return false
        }
      })
      return writes
    },
  }
}
