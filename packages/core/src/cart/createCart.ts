import { money } from '../money/money'
import { type StoragePort, storageKey } from '../storage/storage'
import { createStore } from '../store/createStore'
import {
  addLine,
  clearLines,
  type Lines,
  removeLine,
  removeSelectedLines,
  selectAllLines,
  selectLine,
  setLineQuantity,
  type Transition,
  updateLines,
} from './cartLines'
import { persistCart } from './cartPersistence'
import { NO_LINES, totalsOf } from './lineTable'
import type { CartIssue, CartSnapshot, CartStore } from './types'

/** Options of {@link createCart}. */
export interface CartOptions {
  /** Where the cart is kept between launches; without it the cart lives in memory only. */
  storage?: StoragePort
  /**
   * Separates this app's records from others' in a shared storage.
   * @default 'default'
   */
  namespace?: string
  /**
   * The logged-in user; each user (and the guest) has their own stored cart. When the user changes,
   * make a new cart.
   * @default null (the guest)
   */
  userId?: string | null
  /**
   * The currency of every price in the cart.
   * @default 'CNY'
   */
  currency?: string
}

// throws when a total leaves the safe integers
function cartSnapshot(
  lines: Lines,
  issues: readonly CartIssue[],
  loading: boolean,
  currency: string,
): CartSnapshot {
  const totals = totalsOf(lines)
  return Object.freeze({
    status: loading ? 'loading' : 'ready',
    lines,
    count: totals.count,
    selectedCount: totals.selectedCount,
    subtotal: money(totals.subtotal, currency),
    allSelected: totals.selectable > 0 && totals.selected === totals.selectable,
    issues,
  })
}

// an issue present at most once, added last
function withIssue(issues: readonly CartIssue[], issue: CartIssue, present: boolean): readonly CartIssue[] {
  const others = issues.filter((entry) => entry !== issue)
  return Object.freeze(present ? [...others, issue] : others)
}

// The actions, each a pure transition of the lines run by the store
function cartActions(
  run: <R>(transition: (current: Lines) => Transition<R>) => R,
  currency: string,
): Pick<
  CartStore,
  'add' | 'setQuantity' | 'remove' | 'select' | 'selectAll' | 'clear' | 'removeSelected' | 'update'
> {
  return {
    add: (item, quantity = 1) => run((current) => addLine(current, item, quantity, currency)),
    setQuantity: (lineId, quantity) => run((current) => setLineQuantity(current, lineId, quantity)),
    remove: (lineId) => run((current) => removeLine(current, lineId)),
    select: (lineId, selected) => run((current) => selectLine(current, lineId, selected)),
    selectAll: (selected) => run((current) => selectAllLines(current, selected)),
    clear: () => run(clearLines),
    removeSelected: () => {
      // the lines selected now, also when replayed over the stored lines (a removeSelected taken
      // before they were read never removes one the user did not see)
      let ordered: ReadonlySet<string> | undefined
      run((current) => {
        if (!ordered) ordered = new Set(current.filter((line) => line.selected).map((line) => line.lineId))
        return removeSelectedLines(current, ordered)
      })
    },
    update: (items) => run((current) => updateLines(current, items, currency)),
  }
}

/**
 * Creates the cart store.
 *
 * With `storage`, the cart starts `loading` and reads `tradekit:<namespace>:<userId|guest>:cart`
 * (at once when the storage answers synchronously). Actions taken before that read completes apply
 * at once to what is shown, and are replayed over the stored lines when they arrive, so nothing the
 * user did is lost or overwritten: an item added while loading merges with the stored line of the
 * same id, `clear()` clears the stored lines too. Changes are written once per microtask burst
 * (`flush()` awaits the write); storage errors become the `storage_failed` issue, unreadable data
 * `storage_corrupt` — never a thrown error. When the read fails (or an async storage has not answered
 * after 5 s), the cart is ready with what the user did and `storage_failed`, and the stored record
 * stays unread: each write first reads it again and replays the user's actions over the lines it
 * holds, and writes nothing when that read fails too — a saved cart is never written over unseen.
 *
 * @example
 * ```ts
 * const cart = createCart({ storage: memoryStorage(), userId: 'u1' })
 * await cart.ready
 * cart.add({ skuId: 'tea', title: '龙井', price: money(4800), stock: 10 }, 2)
 * cart.getSnapshot().subtotal // ¥96.00
 * ```
 */
export function createCart(options: CartOptions = {}): CartStore {
  const currency = options.currency ?? 'CNY'
  money(0, currency) // checks the currency code
  const key = storageKey('cart', { namespace: options.namespace, userId: options.userId })

  let lines: Lines = NO_LINES
  let issues: readonly CartIssue[] = NO_LINES
  let loading = options.storage !== undefined
  // listeners are isolated by the shared store: a throwing one is rethrown later (reportLater)
  const store = createStore<CartSnapshot>(cartSnapshot(lines, issues, loading, currency))

  function publish(nextIssues: readonly CartIssue[]): void {
    issues = nextIssues
    store.set(cartSnapshot(lines, issues, loading, currency))
  }

  const persisted = persistCart(options.storage, key, currency, {
    lines: () => lines,
    show(next, issue) {
      lines = next
      loading = false
      publish(issue ? withIssue(issues, issue, true) : issues)
    },
    report(failed) {
      if (issues.includes('storage_failed') !== failed) publish(withIssue(issues, 'storage_failed', failed))
    },
  })

  function run<R>(transition: (current: Lines) => Transition<R>): R {
    const { lines: next, result } = transition(lines) // throws before any change
    const changed = next !== lines
    if (changed) {
      const snapshot = cartSnapshot(next, issues, loading, currency) // throws before anyone is told
      lines = next
      store.set(snapshot)
    }
    persisted.acted((base) => transition(base).lines, changed)
    return result
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    ready: persisted.ready,
    ...cartActions(run, currency),
    flush: persisted.flush,
  }
}
