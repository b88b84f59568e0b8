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

/** An action taken while the cart was loading, replayed over the stored lines. */
type Replay = (lines: Lines) => Lines

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
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

function replayActions(stored: Lines, pending: readonly Replay[]): Lines {
  let merged = stored
  for (const replay of pending) {
    try {
      const next = replay(merged)
      totalsOf(next)
      merged = next
    } catch {
      // the action was valid when taken; against the stored lines it may no longer apply (or push
      // a total beyond the safe integers)
    }
  }
  return merged
}

// Reads the stored record: at once when the storage answers synchronously. Settles after `hydrate`
// or `fail` ran.
function readCart(
  storage: StoragePort | undefined,
  key: string,
  hydrate: (text: string | null) => void,
  fail: () => void,
): Promise<void> {
  if (storage) {
    try {
      const read = storage.getItem(key)
      if (isPromise(read)) return read.then(hydrate, fail)
      hydrate(read)
    } catch {
      fail()
    }
  }
  return Promise.resolve()
}

async function writeCart(
  storage: StoragePort,
  key: string,
  lines: Lines,
  report: (failed: boolean) => void,
): Promise<void> {
  try {
    const done = lines.length === 0 ? storage.removeItem(key) : storage.setItem(key, serializeCart(lines))
    if (isPromise(done)) await done
    report(false)
  } catch {
    report(true)
  }
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
    removeSelected: () => run(removeSelectedLines),
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

  let lines: Lines = NO_LINES
  let issues: readonly CartIssue[] = NO_LINES
  let loading = storage !== undefined
  let pending: Replay[] = []
  // listeners are isolated by the shared store: a throwing one is rethrown later (reportLater)
  const store = createStore<CartSnapshot>(cartSnapshot(lines, issues, loading, currency))

  function publish(nextIssues = issues): void {
    issues = nextIssues
    store.set(cartSnapshot(lines, issues, loading, currency))
  }

  // --- persistence: one write per burst of changes, writes in order, failures reported
  let writeScheduled = false
  let writing: Promise<void> = Promise.resolve()
  function write(): Promise<void> {
    writeScheduled = false
    return writeCart(storage!, key, lines, (failed) => {
      if (issues.includes('storage_failed') !== failed) publish(withIssue(issues, 'storage_failed', failed))
    })
  }
  function scheduleWrite(): void {
    if (!storage || loading || writeScheduled) return
    writeScheduled = true
    writing = writing.then(() => Promise.resolve()).then(write)
  }

  function run<R>(transition: (current: Lines) => Transition<R>): R {
    const { lines: next, result } = transition(lines) // throws before any change
    if (next !== lines) {
      const snapshot = cartSnapshot(next, issues, loading, currency) // throws before anyone is told
      lines = next
      store.set(snapshot)
      scheduleWrite()
    }
    if (loading) pending.push((base) => transition(base).lines)
    return result
  }

  function hydrate(text: string | null): void {
    const parsed = parseCart(text, currency)
    const hadActions = pending.length > 0
    lines = replayActions(parsed.lines, pending)
    pending = []
    loading = false
    publish(parsed.corrupt ? withIssue(issues, 'storage_corrupt', true) : issues)
    if (parsed.corrupt || hadActions) scheduleWrite()
  }

  function hydrateFailed(): void {
    pending = []
    loading = false
    publish(withIssue(issues, 'storage_failed', true))
  }

  // a listener throwing during hydration is reported, never a rejected `ready`
  const ready = readCart(storage, key, hydrate, hydrateFailed).catch(reportLater)

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    ready,
    ...cartActions(run, currency),
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
