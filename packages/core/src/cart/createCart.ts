import { money } from '../money/money'
import { type StoragePort, storageKey } from '../storage/storage'
import { createStore, reportLater } from '../store/createStore'
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
import { parseCart, serializeCart } from './cartRecord'
import { cartTotals } from './cartTotals'
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

const NO_ISSUES: readonly CartIssue[] = Object.freeze([])

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
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
 * `storage_corrupt` — never a thrown error. When the read itself fails, the cart starts empty and the
 * next change is written over whatever the storage held.
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
  const storage = options.storage
  const key = storageKey('cart', { namespace: options.namespace, userId: options.userId })

  let lines: Lines = Object.freeze([])
  let issues: readonly CartIssue[] = NO_ISSUES
  let loading = storage !== undefined
  // actions taken while loading, replayed over the stored lines
  let pending: ((lines: Lines) => Lines)[] = []
  // listeners are isolated by the shared store: a throwing one is rethrown later (reportLater)
  const store = createStore<CartSnapshot>(buildSnapshot())

  function buildSnapshot(): CartSnapshot {
    const totals = cartTotals(lines) // throws when a total leaves the safe integers
    return Object.freeze({
      status: loading ? 'loading' : 'ready',
      lines,
      count: totals.count,
      selectedCount: totals.selectedCount,
      subtotal: money(totals.subtotal, currency),
      allSelected: totals.allSelected,
      issues,
    })
  }

  function publish(): void {
    store.set(buildSnapshot())
  }

  function setIssue(issue: CartIssue, present: boolean): void {
    if (issues.includes(issue) === present) return
    issues = Object.freeze(present ? [...issues, issue] : issues.filter((entry) => entry !== issue))
    publish()
  }

  // --- persistence: one write per burst of changes, writes in order, failures reported
  let writeScheduled = false
  let writing: Promise<void> = Promise.resolve()

  async function write(): Promise<void> {
    writeScheduled = false
    if (!storage) return
    try {
      const done = lines.length === 0 ? storage.removeItem(key) : storage.setItem(key, serializeCart(lines))
      if (isPromise(done)) await done
      setIssue('storage_failed', false)
    } catch {
      setIssue('storage_failed', true)
    }
  }

  function scheduleWrite(): void {
    if (!storage || loading || writeScheduled) return
    writeScheduled = true
    writing = writing.then(() => Promise.resolve()).then(write)
  }

  // --- actions
  function run<R>(transition: (current: Lines) => Transition<R>): R {
    const { lines: next, result } = transition(lines) // throws before any change
    if (next !== lines) {
      const previous = lines
      lines = next
      try {
        publish() // throws only when the totals leave the safe range, before anyone is told
      } catch (error) {
        lines = previous
        throw error
      }
      scheduleWrite()
    }
    if (loading) pending.push((base) => transition(base).lines)
    return result
  }

  // --- hydration
  function hydrate(text: string | null): void {
    const parsed = parseCart(text, currency)
    let merged = parsed.lines
    for (const replay of pending) {
      try {
        const next = replay(merged)
        cartTotals(next)
        merged = next
      } catch {
        // the action was valid when taken; against the stored lines it may no longer apply (or push
        // a total beyond the safe integers)
      }
    }
    const hadActions = pending.length > 0
    pending = []
    loading = false
    lines = merged
    if (parsed.corrupt)
      issues = Object.freeze([...issues.filter((issue) => issue !== 'storage_corrupt'), 'storage_corrupt'])
    publish()
    if (parsed.corrupt || hadActions) scheduleWrite()
  }

  function hydrateFailed(): void {
    pending = []
    loading = false
    issues = Object.freeze([...issues.filter((issue) => issue !== 'storage_failed'), 'storage_failed'])
    publish()
  }

  let ready: Promise<void> = Promise.resolve()
  if (storage) {
    try {
      const read = storage.getItem(key)
      if (isPromise(read)) {
        ready = read.then(
          (text) => hydrate(text),
          () => hydrateFailed(),
        )
      } else {
        hydrate(read)
      }
    } catch {
      hydrateFailed()
    }
  }
  // a listener throwing during hydration is reported, never a rejected `ready`
  ready = ready.catch(reportLater)

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    ready,
    add: (item, quantity = 1) => run((current) => addLine(current, item, quantity, currency)),
    setQuantity: (lineId, quantity) => run((current) => setLineQuantity(current, lineId, quantity)),
    remove: (lineId) => run((current) => removeLine(current, lineId)),
    select: (lineId, selected) => run((current) => selectLine(current, lineId, selected)),
    selectAll: (selected) => run((current) => selectAllLines(current, selected)),
    clear: () => run(clearLines),
    removeSelected: () => run(removeSelectedLines),
    update: (items) => run((current) => updateLines(current, items, currency)),
    flush: async () => {
      await ready
      let last: Promise<void>
      do {
        last = writing
        await last
      } while (last !== writing || writeScheduled)
    },
  }
}
