import type { StoragePort } from '../storage/storage'
import { type QueuedStorage, storageQueue } from '../storage/timeboxed'
import { reportLater } from '../store/createStore'
import type { Lines } from './cartLines'
import { parseCart, serializeCart } from './cartRecord'
import { totalsOf } from './lineTable'
import type { CartIssue } from './types'

/** An action taken before the stored lines were read, replayed over them once they are. */
export type Replay = (lines: Lines) => Lines

/** What the persistence needs of the cart. */
export interface PersistedCart {
  /** The lines shown now. */
  lines(): Lines
  /** The read has ended: show `lines` (no longer loading), with `issue` added when given. */
  show(lines: Lines, issue?: CartIssue): void
  /** A write failed (`true`) or succeeded (`false`): `storage_failed` comes or goes. */
  report(failed: boolean): void
}

/** The cart's record in storage, as the cart drives it. */
export interface CartPersistence {
  /** Settles once the launch's read has answered, failed or timed out. */
  readonly ready: Promise<void>
  /** After each action: `replay` redoes it over stored lines; `changed` when the lines changed. */
  acted(replay: Replay, changed: boolean): void
  /** Settles once every change so far is written (or its write failed). */
  flush(): Promise<void>
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
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

// Reads the stored record: at once when the storage answers synchronously; an async read is given
// STORAGE_TIMEOUT_MS. Settles after `hydrate` or `fail` ran; `late` gets the text of a read that
// answered after its time was up.
function readCart(
  storage: StoragePort,
  queued: QueuedStorage,
  key: string,
  hydrate: (text: string | null) => void,
  fail: () => void,
  late: (text: string | null) => void,
): Promise<void> {
  try {
    const read = storage.getItem(key)
    if (isPromise(read)) return queued(() => read, late).then(hydrate, fail)
    hydrate(read)
  } catch {
    fail()
  }
  return Promise.resolve()
}

/**
 * Writes the lines (removes the record when there are none); `report` says whether it failed, and
 * again when a write reported failed lands after all while `isLatest()` (no newer write was asked).
 */
async function writeCart(
  queued: QueuedStorage,
  storage: StoragePort,
  key: string,
  lines: Lines,
  report: (failed: boolean) => void,
  isLatest: () => boolean,
): Promise<void> {
  try {
    await queued(
      () => (lines.length === 0 ? storage.removeItem(key) : storage.setItem(key, serializeCart(lines))),
      () => isLatest() && report(false),
    )
    report(false)
  } catch {
    report(true)
  }
}

/**
 * Keeps the cart under `key`. The launch's read replays the actions taken while it ran over the
 * stored lines. Changes are written once per microtask burst, one storage call at a time (a slow
 * write is never overtaken), each reported failed after 5 s while it still waits or runs. A saved
 * cart is never written over unseen: after a read that failed or timed out, each write first reads the record
 * again and replays the actions since over what it holds, and writes nothing when that read fails
 * too; a launch's read answering late is merged the same way.
 */
export function persistCart(
  storage: StoragePort | undefined,
  key: string,
  currency: string,
  cart: PersistedCart,
): CartPersistence {
  if (!storage) return { ready: Promise.resolve(), acted() {}, flush: () => Promise.resolve() }
  // one storage call at a time: a slow write is never overtaken by a newer one
  const queued = storageQueue()
  let loading = true
  // the stored record could not be read: nothing is written over it until a read succeeds
  let unread = false
  let pending: Replay[] = []
  let writeScheduled = false
  let writes = 0
  let writing: Promise<void> = Promise.resolve()

  // the stored lines with the actions replayed over them; true when they need writing
  function merge(text: string | null): boolean {
    const parsed = parseCart(text, currency)
    const hadActions = pending.length > 0
    const lines = replayActions(parsed.lines, pending)
    pending = []
    loading = false
    unread = false
    cart.show(lines, parsed.corrupt ? 'storage_corrupt' : undefined)
    return parsed.corrupt || hadActions
  }
  async function write(): Promise<void> {
    writeScheduled = false
    if (unread) {
      try {
        const text = await queued(() => storage!.getItem(key))
        // a late answer to the launch's read may have merged meanwhile
        if (unread) merge(text)
      } catch {
        cart.report(true)
        return
      }
    }
    const write = ++writes
    await writeCart(queued, storage!, key, cart.lines(), cart.report, () => write === writes)
  }
  function scheduleWrite(): void {
    if (loading || writeScheduled) return
    writeScheduled = true
    writing = writing.then(() => Promise.resolve()).then(write)
  }
  function hydrate(text: string | null): void {
    if (merge(text)) scheduleWrite()
  }
  function hydrateFailed(): void {
    loading = false
    unread = true
    cart.show(cart.lines(), 'storage_failed')
    // what the user did meanwhile is kept: the write reads the record again first
    if (pending.length > 0) scheduleWrite()
  }

  // a listener throwing during hydration is reported, never a rejected `ready`
  const ready = readCart(storage, queued, key, hydrate, hydrateFailed, (text) => {
    if (unread) hydrate(text)
  }).catch(reportLater)

  return {
    ready,
    acted(replay, changed) {
      if (changed) scheduleWrite()
      if (loading || unread) pending.push(replay)
    },
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
