import type { StoragePort } from '../storage/storage'
import type { PendingOrder, StoredCheckout } from './pendingOrders'

// One pending-order record can have several checkouts writing it: two providers of one user, or the
// checkout of a killed app whose promises still settle beside the relaunched one. Each wrote its own
// orders over the other's, and a relaunch could then lose an order paid in the other. So the
// checkouts over one storage object and key share the record; a write, made when it runs, holds:
// - the writer's orders;
// - the orders the other live checkouts hold (an order leaves once none holds it);
// - what disposed ones last held, until a writer that held such an order no longer holds it.

/** A checkout's share of its record. */
export interface RecordShare {
  /** Orders read from the record: this checkout holds them from now on. */
  read(stored: StoredCheckout): void
  /** What the record holds when this checkout writes `mine`. */
  record(mine: StoredCheckout): StoredCheckout
  /** The checkout is disposed: the others keep what it held until one of them ends it. */
  leave(): void
}

interface Share {
  latest?: StoredCheckout
  /** The ids of the orders this checkout has held. */
  readonly held: Set<string>
}

interface Shared {
  readonly shares: Set<Share>
  left: StoredCheckout
}

const records = new WeakMap<StoragePort, Map<string, Shared>>()

/** Joins the checkouts writing the record of `key` in `storage`. */
export function shareRecord(storage: StoragePort, key: string): RecordShare {
  const byKey = records.get(storage) ?? new Map<string, Shared>()
  records.set(storage, byKey)
  const shared = byKey.get(key) ?? { shares: new Set(), left: { orders: [] } }
  byKey.set(key, shared)
  const own: Share = { held: new Set() }
  shared.shares.add(own)
  const read = (stored: StoredCheckout) => {
    for (const order of stored.orders) own.held.add(order.orderId)
  }
  return {
    read,
    record(mine) {
      read(mine)
      own.latest = mine
      // a disposed checkout's order that this one held and no longer holds has ended
      const left = shared.left.orders.filter((order) => !own.held.has(order.orderId))
      shared.left = { ...shared.left, orders: left }
      return union([own, ...shared.shares].map((share) => share.latest).concat(shared.left))
    },
    leave() {
      shared.shares.delete(own)
      if (shared.shares.size === 0) byKey.delete(key)
      else if (own.latest) shared.left = union([own.latest, shared.left])
    },
  }
}

/** The orders of `records` (each once, the first's first) and the first unanswered key. */
function union(records: readonly (StoredCheckout | undefined)[]): StoredCheckout {
  const orders: PendingOrder[] = []
  const seen = new Set<string>()
  let unanswered: StoredCheckout['unanswered']
  for (const record of records) {
    for (const order of record?.orders ?? []) {
      if (!seen.has(order.orderId)) orders.push(order)
      seen.add(order.orderId)
    }
    unanswered ??= record?.unanswered
  }
  return { orders, ...(unanswered ? { unanswered } : {}) }
}
