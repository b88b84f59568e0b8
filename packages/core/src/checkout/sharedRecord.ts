import type { StoragePort } from '../storage/storage'
import type { PendingOrder, StoredCheckout } from './pendingOrders'

// One pending-order record can have several checkouts writing it: two providers of one user, or the
// checkout of a killed app whose promises still settle beside the relaunched one. Each wrote its own
// orders over the other's, and a relaunch could then lose an order paid in the other. So the
// checkouts over one storage object and key share the record. A write, made when it runs, holds:
// - the writer's orders;
// - the orders the other checkouts in use hold: an order leaves once none holds it (a checkout made
//   and never used — in a render React threw away — holds nothing);
// - what disposed ones held, until a writer that held such an order no longer holds it (it ended);
// - what the record holds when the write runs and no checkout over this storage object ever held:
//   the orders of a checkout over another object for the same storage (another H5 tab, a port made
//   twice), which this one cannot see. They stay while that one keeps them; once it writes one out
//   (it ended), no write here brings it back. (Its unanswered attempt key is not kept: no cashier
//   opened for it, so at worst a relaunch makes a second unpaid order, never a lost payment.)

/** A checkout's share of its record. */
export interface RecordShare {
  /** Orders read from the record: this checkout holds them from now on. */
  read(stored: StoredCheckout): void
  /** What the record holds when this checkout writes `mine` over `found`, the record in storage now. */
  record(mine: StoredCheckout, found: StoredCheckout): StoredCheckout
  /** The checkout is in use (resumed, subscribed to, paying): what it holds counts for the others. */
  use(): void
  /** The checkout is disposed. */
  leave(): void
}

interface Share {
  latest?: StoredCheckout
  /** The ids of the orders, and the attempt keys, this checkout has held. */
  readonly held: Set<string>
  used: boolean
}

interface Shared {
  readonly shares: Set<Share>
  left: StoredCheckout
  /** Every order id (and attempt key) a checkout over this object held. */
  readonly known: Set<string>
}

const records = new WeakMap<StoragePort, Map<string, Shared>>()

/** Joins the checkouts writing the record of `key` in `storage`. */
export function shareRecord(storage: StoragePort, key: string): RecordShare {
  const byKey = records.get(storage) ?? new Map<string, Shared>()
  records.set(storage, byKey)
  const shared = byKey.get(key) ?? { shares: new Set(), left: { orders: [] }, known: new Set() }
  byKey.set(key, shared)
  const own: Share = { held: new Set(), used: false }
  shared.shares.add(own)
  const read = ({ orders, unanswered }: StoredCheckout) => {
    for (const id of [...orders.map((order) => order.orderId), unanswered?.key])
      if (id) {
        own.held.add(id)
        shared.known.add(id)
      }
  }
  return {
    read,
    record(mine, found) {
      read(mine)
      own.latest = mine
      const held = [...shared.shares].filter((share) => share !== own && share.used).map((s) => s.latest)
      // what a disposed checkout held and this one held and no longer holds has ended: for good
      const kept = (id: string) => !own.held.has(id)
      const { unanswered: leftKey } = shared.left
      shared.left = {
        orders: shared.left.orders.filter((order) => kept(order.orderId)),
        unanswered: leftKey && kept(leftKey.key) ? leftKey : undefined,
      }
      const { orders, unanswered } = union([...held, shared.left])
      // an attempt's key this checkout held and no longer holds was answered: never again
      return union([
        mine,
        { orders, unanswered: unanswered && kept(unanswered.key) ? unanswered : undefined },
        { orders: found.orders.filter((order) => !shared.known.has(order.orderId)) },
      ])
    },
    use() {
      own.used = true
    },
    leave() {
      shared.shares.delete(own)
      if (shared.shares.size === 0) byKey.delete(key)
      else if (own.used && own.latest) shared.left = union([own.latest, shared.left])
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
