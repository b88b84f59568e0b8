import type { TradeKitError } from '../errors/TradeKitError'
import type { PayOutcome } from '../payment/paymentChannel'
import type { Attempt } from './attempt'
import type { PendingList, PendingOrder, UnansweredKey } from './pendingOrders'
import type { CheckoutSnapshot, CheckoutTiming, ConfirmProgress, OrderRequest, OrderStatus } from './types'

// The vocabulary of the checkout machine (machine.ts): its state, the events it takes and the
// effects it asks for.

/** The flow the user is watching: its results count, an older flow's are ignored. */
export interface Flow {
  /** Bumped whenever the user takes over (submit, retry, cancel, reset) or a re-check starts. */
  readonly id: number
  /** The order this flow is about, once it exists. */
  readonly orderId?: string
  /** The cashier was opened in this flow: `cancel()` may then only ask the server (rule 5). */
  readonly payStarted: boolean
  /** What the cashier said, to read the server's `pending` with. */
  readonly outcome?: PayOutcome
}

/** Everything the checkout knows: the snapshot it shows and what it keeps behind it. */
export interface CheckoutState {
  readonly snapshot: CheckoutSnapshot
  readonly flow: Flow
  /** Orders kept until the server says they are final (rule 3), newest first. */
  readonly orders: PendingList
  /** The key of an attempt that never got an answer (rule 1). */
  readonly unanswered?: UnansweredKey
  /** The latest attempt, for `retry()` when no order exists. */
  readonly last?: Attempt
  readonly visible: boolean
}

/** What happened: the user's actions, the environment, and the effects' results (with their flow). */
export type CheckoutEvent =
  | { readonly type: 'SUBMIT'; readonly attempt: Attempt; readonly refusal?: TradeKitError }
  | { readonly type: 'RETRY'; readonly channelAvailable: boolean }
  | { readonly type: 'CONTINUE'; readonly order: PendingOrder; readonly refusal?: TradeKitError }
  | { readonly type: 'CANCEL' }
  | { readonly type: 'RESET' }
  | { readonly type: 'RESUME' }
  | { readonly type: 'SHOW' }
  | { readonly type: 'HIDE' }
  | {
      readonly type: 'HYDRATED'
      readonly orders: PendingList
      readonly unanswered?: UnansweredKey
      /** Found by a read that answered after the launch's had failed or timed out. */
      readonly late?: boolean
    }
  | { readonly type: 'STORAGE_ISSUE'; readonly issue: 'storage_corrupt' | 'storage_failed' }
  /** A write of the pending orders reached the storage: everything known is saved. */
  | { readonly type: 'SAVED' }
  | { readonly type: 'CHANNEL_STATE'; readonly orderId: string; readonly state: unknown }
  | { readonly type: 'READY'; readonly flow: number }
  | { readonly type: 'CREATED'; readonly flow: number; readonly created: unknown }
  | {
      readonly type: 'CREATE_FAILED'
      readonly flow: number
      readonly error: TradeKitError
      readonly network: boolean
    }
  | { readonly type: 'STORED'; readonly flow: number }
  | { readonly type: 'PAY_OUTCOME'; readonly flow: number; readonly outcome: PayOutcome }
  | { readonly type: 'PROGRESS'; readonly flow: number; readonly confirm: ConfirmProgress }
  | { readonly type: 'ANSWER'; readonly flow: number; readonly status?: OrderStatus }
  | { readonly type: 'RECHECKED'; readonly flow: number; readonly status?: OrderStatus }
  | { readonly type: 'RECONCILED'; readonly order: PendingOrder; readonly status?: OrderStatus }

/** The type of an event by its name. */
export type EventOf<T extends CheckoutEvent['type']> = Extract<CheckoutEvent, { type: T }>

/** What to do: createCheckout runs these against storage, the API and the cashiers. */
export type CheckoutEffect =
  /** Once the pending orders are read, report `READY`. */
  | { readonly type: 'hydrate'; readonly flow: number }
  /** Once the key is stored, createOrder (retried on network errors) → `CREATED` | `CREATE_FAILED`. */
  | { readonly type: 'create'; readonly flow: number; readonly request: OrderRequest; readonly key: string }
  /** Once the new order is stored, report `STORED`. */
  | { readonly type: 'store'; readonly flow: number }
  /** Open the cashier for the order → `PAY_OUTCOME`. */
  | { readonly type: 'pay'; readonly flow: number; readonly orderId: string }
  /** Ask the server on the confirmation schedule → `PROGRESS`…, then `ANSWER` or `RECHECKED`. */
  | {
      readonly type: 'confirm'
      readonly flow: number
      readonly orderId: string
      readonly until: 'final' | 'answer'
      readonly waitFirst: boolean
      readonly reply: 'ANSWER' | 'RECHECKED'
    }
  /** Ask the team's API to close an unpaid order (fire and forget). */
  | { readonly type: 'close'; readonly orderId: string }
  /** Ask about an order the user is not watching → `RECONCILED`. */
  | { readonly type: 'reconcile'; readonly order: PendingOrder }
  /** Start a new attempt through submit's checks. */
  | { readonly type: 'resubmit'; readonly request: OrderRequest; readonly method: 'pay' | 'sign' }

/** The environment a transition reads: the clock, the timing in force and the key maker. */
export interface MachineContext {
  readonly now: number
  readonly timing: CheckoutTiming
  /** A fresh idempotency key. */
  newKey(): string
}

/** A snapshot change. */
export type Patch = { -readonly [K in keyof CheckoutSnapshot]?: CheckoutSnapshot[K] }

/** What a row changes; the status comes from the row's `to`, never from here. */
export interface Step {
  readonly patch?: Patch
  readonly flow?: Flow
  readonly orders?: PendingList
  /** `null` forgets the unanswered key. */
  readonly unanswered?: UnansweredKey | null
  /** `null` forgets the last attempt (an order continued from elsewhere is not its purchase). */
  readonly last?: Attempt | null
  readonly visible?: boolean
  readonly effects?: readonly CheckoutEffect[]
}
