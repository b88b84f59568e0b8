/**
 * Model-based fault suite for the order centre (createOrders). A simulated merchant server holds a
 * few orders of each kind (physical, service, virtual) in every status of the order table, with
 * their lines, what was refunded of them and their refund records. By itself, over time, it moves
 * them along the table (orderTransitionsFrom): payment, a late payment of a cancelled or closed
 * order, shipping, delivery, codes issued and verified, completion, refunds accepted, rejected,
 * started by the merchant and paid out; an unpaid order closes when its time runs out. The user's
 * moves follow the merchant server of examples/: cancel (an expired order is closed, a cancelled or
 * closed one answered as it is), a refund request (checked against what is left; after a settled
 * request it is a new record from the fulfilment status; a key already used answers the order as
 * it is for the same request and refuses another), a withdrawal (the order shows its
 * fulfilment status again; withdrawing a withdrawn request is answered as it is) and confirm
 * receipt. Its API (listOrders paged newest first with keyset cursors, getOrder, cancelOrder,
 * requestRefund, cancelRefund, confirmReceipt) answers, answers slowly (as it was when asked),
 * hangs, fails with network errors of three shapes, does an action and loses the answer (a network
 * error or no answer at all), does it late, refuses (ORDER_REJECTED), answers garbage (having done
 * the action or not), answers another order, and may answer light list pages (no refund records).
 * Its answers carry the order's version (its revision) in some runs: every answer, only the answers
 * with refund records (a server that added it to its detail first), or none.
 * The device clock may be five minutes off. The user selects tabs, refreshes, loads more (twice
 * quickly), opens orders (twice quickly, or by a link before any list showed them), taps cancel,
 * refund (whole, an amount, a line, a line's amount, more than is left, no reason), withdraw
 * refund and confirm receipt (mostly where the screen offers it, sometimes anywhere; twice
 * quickly; another action on an order whose action runs), hides and shows the app, waits, and
 * leaves (dispose()) near the end. Thousands of random runs, each checked against these invariants:
 *
 * 1. nothing is stuck [stuck]: every promise of the store settles and none rejects; after each step
 *    an order shows an action running exactly while one runs, a detail loading exactly while its read
 *    is on its way and a tab loading exactly while a page of it is on its way; after a long final
 *    wait nothing runs or loads. A disposed store keeps its snapshot, tells no one and sends
 *    nothing [dispose];
 * 2. the screen is true [truth]: every order shown is one of the server's, of its kind, with a
 *    status and a refunded amount the server had at some time (the optimistic `cancelled` only while
 *    its cancel runs); ORDER_EXPIRED is said only once the server's clock passed the order's time;
 * 3. the screen never goes back [regress]: a shown status moves only along the table, or to any
 *    status when its refund records moved on (a new record, or one further along: what mergeOrder
 *    reads first); refund records never go back; and a shown status is never replaced by one the
 *    server held only before the state shown — but for one case no one can order, counted in
 *    `unordered`: without versions on both answers, a status a light page showed and an answer made
 *    in the same millisecond of the server's clock;
 * 4. one request per tap [once]: a double tap answers the running action without a request or a
 *    change; another action on a busy order is refused (INVALID_ARGUMENT) without a request or a
 *    change; an action sends at most one request, reads the order again at most once and only when
 *    its request got no answer; a refund request carries an idempotency key, sent again only with
 *    the same request, after the request sent under it got no answer and was not found done; a
 *    second read of an order or next page on its way is not sent; nothing is sent with no tap (or
 *    app show) behind it;
 * 5. an answer is true [done]: `ok: true` only when what was asked held on the server between the
 *    tap and the answer (cancel: cancelled or closed; confirm receipt: completed; withdraw: the
 *    record withdrawn; refund: a refund record the user had not seen when tapping — not one shown,
 *    nor, with no records shown beside a settled refund, a settled one — whoever made it), and
 *    showing a status the server held from then on; `ok: false` with any code but NETWORK, TIMEOUT
 *    or ABORTED only when the server did not do the request; ABORTED only after dispose();
 * 6. money [money]: a refund request names each line once, with positive amounts summing to the
 *    whole, none over what the order shown at the tap has left of its line, the whole not over what
 *    is left of the order, and the amounts the user gave;
 * 7. lists [lists]: no order twice in a tab; a tab lists only orders the server listed in it, whose
 *    shown status belongs in it (a stale page can leave an order out, never put one where its shown
 *    status does not belong), each the one object of snapshot.orders, newest first; `empty` only
 *    with nothing listed;
 * 8. the screen comes back to the truth [converge]: once the network calms, one read of each order
 *    shows the status, refund records and refunded amount the server holds, and each tab refreshed
 *    and read to its end lists exactly the server's orders of the tab [lists];
 * 9. no unhandled rejection, no listener that throws [listener], no console.error.
 */
import {
  createOrders,
  type LifecyclePort,
  money,
  ORDER_TAB_NAMES,
  type Order,
  type OrderActionName,
  type OrderEventName,
  type OrderKind,
  type OrderLifecycleStatus,
  type OrderList,
  type OrderPage,
  type OrderResult,
  type Orders,
  type OrdersApi,
  type OrdersSnapshot,
  type OrdersTiming,
  type OrderTab,
  orderActions,
  orderInTab,
  orderTransitionsFrom,
  type RefundInput,
  type RefundRequest,
  type RefundStatus,
  reachableStatuses,
  refundableTotal,
  TradeKitError,
} from '@tradekit/core'
import fc from 'fast-check'
import { vi } from 'vitest'
import { abortable, advanceTime, faultRuns, faultSuite } from './faultModel'

const NUM_RUNS = faultRuns(process.env.TRADEKIT_ORDERS_FAULT_RUNS, 2000)
const stats = {
  taps: 0,
  requests: 0,
  ok: 0,
  refused: 0,
  unconfirmed: 0,
  local: 0,
  busy: 0,
  doubleTaps: 0,
  rereads: 0,
  keysSentAgain: 0,
  pages: 0,
  serverMoves: 0,
  converged: 0,
  /** Moves back the model let pass: without versions, two answers of one server millisecond. */
  unordered: 0,
}

const TIMING: OrdersTiming = { requestTimeoutMs: 1000, actionTimeoutMs: 1500 }
// well past every timeout, every move of the server and every unpaid order's time
const FINAL_WAIT_MS = 60_000
// The fake clock of every run starts here.
const EPOCH = Date.UTC(2026, 0, 1)
const LOADING = new Set(['loading', 'refreshing', 'loading_more'])

const PHYSICAL_STATUSES: readonly OrderLifecycleStatus[] = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'refund_requested',
  'refunding',
  'refunded',
  'refund_rejected',
  'cancelled',
  'closed',
]
const CODE_STATUSES: readonly OrderLifecycleStatus[] = [
  'pending_payment',
  'paid',
  'to_verify',
  'verified',
  'completed',
  'refund_requested',
  'refunding',
  'refunded',
  'refund_rejected',
  'cancelled',
  'closed',
]
const PHYSICAL_FULFILMENT: readonly OrderLifecycleStatus[] = ['paid', 'shipped', 'delivered', 'completed']
const CODE_FULFILMENT: readonly OrderLifecycleStatus[] = ['paid', 'to_verify', 'verified', 'completed']
const AFTER_SALE = new Set<OrderLifecycleStatus>([
  'refund_requested',
  'refunding',
  'refunded',
  'refund_rejected',
])
const FULFILLED = new Set<OrderLifecycleStatus>([
  'paid',
  'shipped',
  'delivered',
  'to_verify',
  'verified',
  'completed',
])
// where a refund record may go next (mergeOrder's nextRefundStatus, written out)
const REFUND_NEXT: Record<RefundStatus, readonly RefundStatus[]> = {
  refund_requested: ['refunding', 'refunded', 'refund_rejected', 'withdrawn'],
  refunding: ['refunded'],
  refunded: [],
  refund_rejected: [],
  withdrawn: [],
}
const ACTION_NAMES: readonly OrderActionName[] = ['cancel', 'refund', 'cancel_refund', 'confirm_receipt']

interface InitialOrder {
  kind: OrderKind
  /** Index into the statuses the kind can have. */
  statusPick: number
  /** The fulfilment status an after-sale order goes back to. */
  fulfilmentPick: number
  amounts: [number, number]
  /** An after-sale order's record covers line a only (else every line). */
  partial: boolean
  /** A withdrawn request from before. */
  withdrawnBefore: boolean
  /** An unpaid order's time to pay, from the start (negative: already past). */
  expiresInMs: number
}
/** The server moves one order by itself: the row `pick` of those the table allows it. */
interface ServerMove {
  atMs: number
  order: number
  pick: number
}
type ReadFaultKind = 'ok' | 'slow' | 'hang' | 'network' | 'garbage' | 'light' | 'wrong' | 'rejected'
interface ReadFault {
  kind: ReadFaultKind
  ms: number
  variant: number
}
type ActionFaultKind =
  | 'ok'
  | 'slow'
  | 'delayed'
  | 'lost'
  | 'lostHang'
  | 'network'
  | 'hang'
  | 'rejected'
  | 'garbage'
  | 'garbageDone'
interface ActionFault {
  kind: ActionFaultKind
  ms: number
  variant: number
}
type RefundMode = 'all' | 'amount' | 'line' | 'lineAmount' | 'over' | 'noReason'
interface RefundChoice {
  mode: RefundMode
  /** Percent of what is left. */
  percent: number
  line: number
}
type StepKind =
  | 'select'
  | 'refresh'
  | 'more'
  | 'moreTwice'
  | 'open'
  | 'openTwice'
  | 'act'
  | 'double'
  | 'other'
  | 'refreshAndAct'
  | 'hide'
  | 'show'
  | 'wait'
interface Step {
  kind: StepKind
  tab: OrderTab
  pick: number
  /** Any order, not only those the screen offers the action on (or a tab other than the current). */
  any: boolean
  action: OrderActionName
  refund: RefundChoice
  /** Between the two taps of a double tap. */
  gapMs: number
  waitMs: number
}
interface Scenario {
  orders: InitialOrder[]
  pageSize: number
  /** Every list page answers without refund records. */
  lightPages: boolean
  /**
   * Which answers carry the order's `version` (its revision on the server): all, only those with
   * the refund records (a server that added it to the detail first: list pages and light answers
   * have none), or none (undefined).
   */
  versions?: 'all' | 'full'
  /** How far the device clock is off the server's. */
  skewMs: number
  moves: ServerMove[]
  readFaults: ReadFault[]
  actionFaults: ActionFault[]
  firstTab: OrderTab
  steps: Step[]
  /** dispose() this many steps before the end; null: never. */
  disposeBeforeEnd: number | null
}

interface ServerLine {
  readonly lineId: string
  readonly amount: number
  refunded: number
}
interface ServerRefund {
  readonly refundId: string
  status: RefundStatus
  readonly lines: readonly { lineId: string; amount: number }[]
  readonly amount: number
  readonly requestedAt: number
}
/** One state of an order on the server. */
interface Entry {
  readonly status: OrderLifecycleStatus
  readonly refunds: Readonly<Record<string, RefundStatus>>
  readonly sig: string
}
interface ServerOrder {
  readonly orderId: string
  readonly kind: OrderKind
  status: OrderLifecycleStatus
  /** The status a withdrawn or new refund request starts from. */
  fulfilment: OrderLifecycleStatus
  readonly lines: ServerLine[]
  readonly createdAt: number
  readonly expiresAt?: number
  readonly refunds: ServerRefund[]
  readonly history: Entry[]
  readonly everStatuses: Set<OrderLifecycleStatus>
  readonly everRefunded: Set<number>
}

/** What an action's request met on the server. */
interface SentRequest {
  readonly fault: ActionFault
  performed: boolean
}
interface ActionCall {
  readonly n: number
  readonly orderId: string
  readonly action: OrderActionName
  readonly label: string
  readonly refundId?: string
  readonly input?: RefundInput
  /** The order's state on the server when tapped (an index into its history). */
  readonly startIndex: number
  readonly startAt: number
  /** The order as the screen showed it when tapped. */
  readonly shown?: Order
  readonly known: ReadonlySet<string>
  /**
   * The earlier tap whose refund request this one sent again under the same key (the first of them):
   * one request, so what it did counts from that tap on.
   */
  firstSent?: ActionCall
  /** Tapped while another action of the order ran: must be refused. */
  readonly busy: boolean
  requests: number
  sent?: SentRequest
  rereads: number
  settled: boolean
  result?: OrderResult
}
type Caller =
  | { kind: 'action'; call: ActionCall }
  | { kind: 'open'; requests: number }
  | { kind: 'list' }
  | { kind: 'show' }
interface PageCall {
  readonly tab: OrderTab
  readonly signal: AbortSignal
  settled: boolean
}

const REASON = '不想要了'
const TITLES = ['龙井', '茶杯']

const GARBAGE_ORDERS: readonly ((order: Order) => unknown)[] = [
  () => null,
  () => 'ok',
  (order) => ({ orderId: order.orderId }),
  (order) => ({ ...order, status: 'pending' }),
  (order) => ({ ...order, lines: [] }),
  (order) => ({ ...order, kind: 'digital' }),
  (order) => ({ ...order, amount: { amount: 1.5, currency: 'CNY' } }),
  (order) => ({ ...order, refunds: [{ refundId: 'r', status: 'done' }] }),
]
const GARBAGE_PAGES: readonly ((page: OrderPage) => unknown)[] = [
  () => null,
  (page) => ({ ...page, orders: 'none' }),
  (page) => ({ orders: [...page.orders, { orderId: 'x' }], nextCursor: null }),
  (page) => ({ ...page, nextCursor: 7 }),
  (page) => page.orders,
]
const networkError = (variant: number): unknown => {
  switch (variant % 3) {
    case 0:
      return new TradeKitError('NETWORK', 'request:fail timeout')
    case 1:
      return new TypeError('Failed to fetch')
    default:
      return { errMsg: 'request:fail socket closed' }
  }
}

const sigOf = (refunds: Readonly<Record<string, RefundStatus>> | undefined) =>
  refunds === undefined
    ? '?'
    : Object.keys(refunds)
        .sort()
        .map((id) => `${id}:${refunds[id]}`)
        .join(',')
const refundsOfShown = (order: Order): Record<string, RefundStatus> | undefined =>
  order.refunds === undefined
    ? undefined
    : Object.fromEntries(order.refunds.map((refund) => [refund.refundId, refund.status]))

/** True when `after` knows a record `before` does not, or one further along, and none behind. */
function refundsAhead(
  before: Readonly<Record<string, RefundStatus>> | undefined,
  after: Readonly<Record<string, RefundStatus>> | undefined,
): boolean {
  if (before === undefined || after === undefined) return false
  let ahead = false
  for (const [id, status] of Object.entries(after)) {
    const was = before[id]
    if (was === undefined) ahead = true
    else if (was !== status) {
      if (!REFUND_NEXT[was].includes(status)) return false
      ahead = true
    }
  }
  return ahead && Object.keys(before).every((id) => id in after)
}

/** True when `after` forgets a record `before` knew, or has one back where it was. */
function refundsBehind(
  before: Readonly<Record<string, RefundStatus>> | undefined,
  after: Readonly<Record<string, RefundStatus>> | undefined,
): boolean {
  if (before === undefined) return false
  if (after === undefined) return true
  return Object.entries(before).some(
    ([id, was]) => after[id] === undefined || (after[id] !== was && !REFUND_NEXT[was].includes(after[id]!)),
  )
}

async function runScenario(scenario: Scenario): Promise<string[]> {
  const violations: string[] = []
  const fail = (tag: string, message: string) => {
    violations.push(`[${tag}] ${message}`)
  }
  const deviceNow = () => Date.now() + scenario.skewMs

  // ---- the merchant server ----
  let refundCount = 0
  const server = new Map<string, ServerOrder>()
  const refundedOf = (o: ServerOrder) => o.lines.reduce((sum, line) => sum + line.refunded, 0)
  const leftOf = (o: ServerOrder) =>
    o.lines.reduce((sum, line) => sum + Math.max(0, line.amount - line.refunded), 0)
  const record = (o: ServerOrder) => {
    const refunds: Record<string, RefundStatus> = {}
    for (const refund of o.refunds) refunds[refund.refundId] = refund.status
    o.history.push({ status: o.status, refunds, sig: sigOf(refunds) })
    o.everStatuses.add(o.status)
    o.everRefunded.add(refundedOf(o))
  }
  const addRefund = (
    o: ServerOrder,
    lines: readonly { lineId: string; amount: number }[],
    status: RefundStatus,
  ) => {
    const refundId = `r${++refundCount}`
    o.refunds.push({
      refundId,
      status,
      lines,
      amount: lines.reduce((sum, line) => sum + line.amount, 0),
      requestedAt: Date.now(),
    })
    return o.refunds[o.refunds.length - 1]!
  }
  const payOut = (o: ServerOrder, refund: ServerRefund) => {
    refund.status = 'refunded'
    for (const part of refund.lines)
      o.lines.find((line) => line.lineId === part.lineId)!.refunded += part.amount
  }

  for (const [i, spec] of scenario.orders.entries()) {
    const physical = spec.kind === 'physical'
    const statuses = physical ? PHYSICAL_STATUSES : CODE_STATUSES
    const fulfilments = physical ? PHYSICAL_FULFILMENT : CODE_FULFILMENT
    const status = statuses[spec.statusPick % statuses.length]!
    const unpaid = status === 'pending_payment' || status === 'cancelled' || status === 'closed'
    const o: ServerOrder = {
      orderId: `o${i + 1}`,
      kind: spec.kind,
      status,
      fulfilment: FULFILLED.has(status) ? status : fulfilments[spec.fulfilmentPick % fulfilments.length]!,
      lines: [
        { lineId: 'a', amount: spec.amounts[0], refunded: 0 },
        { lineId: 'b', amount: spec.amounts[1], refunded: 0 },
      ],
      createdAt: EPOCH - (i + 1) * 60_000,
      ...(unpaid ? { expiresAt: EPOCH + spec.expiresInMs } : {}),
      refunds: [],
      history: [],
      everStatuses: new Set(),
      everRefunded: new Set(),
    }
    if (spec.withdrawnBefore && !unpaid) addRefund(o, [{ lineId: 'b', amount: 1 }], 'withdrawn')
    if (AFTER_SALE.has(status)) {
      const lines = (spec.partial ? o.lines.slice(0, 1) : o.lines).map((line) => ({
        lineId: line.lineId,
        amount: line.amount,
      }))
      const refund = addRefund(o, lines, status === 'refunded' ? 'refunding' : (status as RefundStatus))
      if (status === 'refunded') payOut(o, refund)
    }
    record(o)
    server.set(o.orderId, o)
  }
  const serverIds = [...server.keys()]

  const move = (o: ServerOrder, on: OrderEventName): boolean => {
    const row = orderTransitionsFrom(o.status, o.kind).find((r) => r.on === on)
    if (!row) return false
    if (on === 'START_REFUND') {
      const lines = o.lines
        .filter((line) => line.amount > line.refunded)
        .map((line) => ({ lineId: line.lineId, amount: line.amount - line.refunded }))
      if (lines.length === 0) return false
      addRefund(o, lines, 'refunding')
    } else if (on === 'ACCEPT_REFUND' || on === 'REJECT_REFUND') {
      const open = o.refunds.find((refund) => refund.status === 'refund_requested')
      if (!open) return false
      open.status = on === 'ACCEPT_REFUND' ? 'refunding' : 'refund_rejected'
    } else if (on === 'REFUNDED') {
      const open = o.refunds.find((refund) => refund.status === 'refunding')
      if (!open) return false
      payOut(o, open)
    }
    o.status = row.to
    if (FULFILLED.has(row.to)) o.fulfilment = row.to
    record(o)
    return true
  }
  // the server's own moves, and the unpaid orders closed when their time runs out
  for (const m of scenario.moves) {
    setTimeout(() => {
      const o = server.get(serverIds[m.order % serverIds.length]!)!
      const rows = orderTransitionsFrom(o.status, o.kind).filter(
        (row) => row.by !== 'user' && row.on !== 'CLOSE' && (row.on !== 'START_REFUND' || leftOf(o) > 0),
      )
      if (rows.length > 0 && move(o, rows[m.pick % rows.length]!.on)) stats.serverMoves++
    }, m.atMs)
  }
  for (const o of server.values()) {
    if (o.status === 'pending_payment' && o.expiresAt !== undefined) {
      setTimeout(
        () => {
          if (o.status === 'pending_payment') move(o, 'CLOSE')
        },
        Math.max(0, o.expiresAt - Date.now()),
      )
    }
  }

  const view = (o: ServerOrder, light: boolean): Order => ({
    orderId: o.orderId,
    status: o.status,
    kind: o.kind,
    lines: o.lines.map((line, i) => ({
      lineId: line.lineId,
      skuId: `sku-${line.lineId}`,
      title: TITLES[i] ?? '',
      quantity: 1,
      unitPrice: money(line.amount),
      amount: money(line.amount),
      refunded: money(line.refunded),
    })),
    amount: money(o.lines.reduce((sum, line) => sum + line.amount, 0)),
    refunded: money(refundedOf(o)),
    createdAt: o.createdAt,
    ...(o.expiresAt !== undefined ? { expiresAt: o.expiresAt } : {}),
    serverNow: Date.now(),
    ...(scenario.versions === 'all' || (scenario.versions === 'full' && !light)
      ? { version: o.history.length }
      : {}),
    ...(light
      ? {}
      : {
          refunds: o.refunds.map((refund) => ({
            refundId: refund.refundId,
            status: refund.status,
            amount: money(refund.amount),
            lines: refund.lines.map((part) => ({ lineId: part.lineId, amount: money(part.amount) })),
            reason: REASON,
            requestedAt: refund.requestedAt,
          })),
        }),
  })
  const inTab = (tab: OrderTab) =>
    [...server.values()].filter((o) => orderInTab(o, tab)).sort((a, b) => b.createdAt - a.createdAt)
  const pageOf = (tab: OrderTab, cursor: string | undefined, light: boolean): OrderPage => {
    const after = cursor === undefined ? Number.POSITIVE_INFINITY : Number(cursor.slice(1))
    const all = inTab(tab).filter((o) => o.createdAt < after)
    const page = all.slice(0, scenario.pageSize)
    return {
      orders: page.map((o) => view(o, light)),
      nextCursor: all.length > page.length ? `k${page[page.length - 1]!.createdAt}` : null,
    }
  }

  // ---- the user's moves on the server ----
  const refuse = (code: 'ORDER_REJECTED' | 'INVALID_AMOUNT' | 'INVALID_ARGUMENT', message: string) =>
    new TradeKitError(code, message)
  const cancelOn = (o: ServerOrder): Order => {
    if (o.status === 'pending_payment') {
      move(o, o.expiresAt !== undefined && Date.now() >= o.expiresAt ? 'CLOSE' : 'CANCEL')
    } else if (o.status !== 'cancelled' && o.status !== 'closed') {
      throw refuse('ORDER_REJECTED', `a ${o.status} order cannot be cancelled`)
    }
    return view(o, false)
  }
  // the idempotency key of each refund request made, with what it asked
  const refundKeys = new Map<string, string>()
  const refundOn = (o: ServerOrder, request: RefundRequest, key: string): Order => {
    const asked = JSON.stringify([o.orderId, request])
    const known = refundKeys.get(key)
    if (known !== undefined) {
      if (known !== asked) throw refuse('INVALID_ARGUMENT', `key ${key} was used for another refund`)
      // the request made under this key, answered again
      return view(o, false)
    }
    const from = o.status === 'refunded' || o.status === 'refund_rejected' ? o.fulfilment : o.status
    if (!FULFILLED.has(from)) throw refuse('ORDER_REJECTED', `a ${o.status} order takes no refund request`)
    const seen = new Set<string>()
    let sum = 0
    for (const part of request.lines) {
      const line = o.lines.find((l) => l.lineId === part.lineId)
      if (!line || seen.has(part.lineId)) throw refuse('INVALID_ARGUMENT', `no line ${part.lineId}`)
      seen.add(part.lineId)
      const asked = part.amount.amount
      if (!Number.isSafeInteger(asked) || asked <= 0 || asked > line.amount - line.refunded) {
        throw refuse('INVALID_AMOUNT', `line ${part.lineId}: ${asked} of ${line.amount - line.refunded}`)
      }
      sum += asked
    }
    if (request.lines.length === 0 || sum !== request.amount.amount || sum > leftOf(o)) {
      throw refuse('INVALID_AMOUNT', `${request.amount.amount} of ${leftOf(o)}`)
    }
    addRefund(
      o,
      request.lines.map((part) => ({ lineId: part.lineId, amount: part.amount.amount })),
      'refund_requested',
    )
    o.fulfilment = from
    o.status = 'refund_requested'
    refundKeys.set(key, asked)
    record(o)
    return view(o, false)
  }
  const withdrawOn = (o: ServerOrder, refundId: string): Order => {
    const refund = o.refunds.find((r) => r.refundId === refundId)
    if (!refund) throw refuse('INVALID_ARGUMENT', `no refund ${refundId}`)
    if (refund.status === 'withdrawn') return view(o, false)
    if (refund.status !== 'refund_requested' || o.status !== 'refund_requested') {
      throw refuse('ORDER_REJECTED', `refund ${refundId} is ${refund.status}`)
    }
    refund.status = 'withdrawn'
    o.status = o.fulfilment
    record(o)
    return view(o, false)
  }
  const confirmOn = (o: ServerOrder): Order => {
    if (o.status !== 'completed' && !(o.kind === 'physical' && move(o, 'CONFIRM_RECEIPT'))) {
      throw refuse('ORDER_REJECTED', `a ${o.status} ${o.kind} order cannot be received`)
    }
    return view(o, false)
  }

  // ---- the API, with its faults ----
  let calm = false
  let readIndex = 0
  let actionIndex = 0
  const OK_READ: ReadFault = { kind: 'ok', ms: 0, variant: 0 }
  const OK_ACTION: ActionFault = { kind: 'ok', ms: 0, variant: 0 }
  const nextRead = () => (calm ? OK_READ : (scenario.readFaults[readIndex++] ?? OK_READ))
  const nextAction = () => (calm ? OK_ACTION : (scenario.actionFaults[actionIndex++] ?? OK_ACTION))
  const mayReread = (f: ActionFault) =>
    f.kind === 'garbage' ||
    f.kind === 'garbageDone' ||
    f.kind === 'lost' ||
    f.kind === 'lostHang' ||
    f.kind === 'network' ||
    f.kind === 'hang' ||
    ((f.kind === 'slow' || f.kind === 'delayed') && f.ms >= TIMING.actionTimeoutMs)

  let caller: Caller | undefined
  const runningCalls = new Map<string, ActionCall>()
  const openRunning = new Map<string, Promise<OrderResult>>()
  const pageCalls: PageCall[] = []
  // each idempotency key the store sent, with what it asked and the tap that sent it last
  const keyUses = new Map<string, { asked: string; call?: ActionCall }>()
  const deliveredTo = Object.fromEntries(ORDER_TAB_NAMES.map((tab) => [tab, new Set<string>()])) as Record<
    OrderTab,
    Set<string>
  >

  const read = <T>(
    f: ReadFault,
    signal: AbortSignal,
    answer: T,
    garbage: () => unknown,
    deliver: (v: T) => void,
  ) => {
    switch (f.kind) {
      case 'network':
        return Promise.reject(networkError(f.variant))
      case 'rejected':
        return Promise.reject(new TradeKitError('ORDER_REJECTED', 'not yours'))
      case 'garbage':
      case 'wrong':
        return Promise.resolve(garbage() as T)
      case 'hang':
        return abortable<T>(signal, null, () => answer)
      case 'slow':
        return abortable<T>(signal, f.ms, () => {
          deliver(answer)
          return answer
        })
      default:
        deliver(answer)
        return Promise.resolve(answer)
    }
  }

  const act = (method: string, orderId: string, handle: (o: ServerOrder) => Order): Promise<Order> => {
    const tap = caller?.kind === 'action' ? caller.call : undefined
    if (disposed) fail('dispose', `${method}(${orderId}) was sent after dispose()`)
    if (!tap) fail('once', `${method}(${orderId}) was sent with no tap behind it`)
    else if (++tap.requests > 1) fail('once', `${tap.label} sent ${tap.requests} requests`)
    stats.requests++
    const f = nextAction()
    const sent: SentRequest = { fault: f, performed: false }
    if (tap) tap.sent = sent
    type Outcome = { ok: true; value: Order } | { ok: false; error: unknown }
    const run = (): Outcome => {
      const o = server.get(orderId)
      try {
        if (!o) throw refuse('INVALID_ARGUMENT', `no order ${orderId}`)
        const value = handle(o)
        sent.performed = true
        return { ok: true, value }
      } catch (error) {
        return { ok: false, error }
      }
    }
    const answer = (outcome: Outcome) =>
      outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error)
    const later = (outcome: () => Outcome) =>
      new Promise<Order>((resolve, reject) => {
        setTimeout(() => {
          const o = outcome()
          if (o.ok) resolve(o.value)
          else reject(o.error)
        }, f.ms)
      })
    const garbled = (order: Order) => GARBAGE_ORDERS[f.variant % GARBAGE_ORDERS.length]!(order) as Order
    switch (f.kind) {
      case 'ok':
        return answer(run())
      case 'slow': {
        const outcome = run()
        return later(() => outcome)
      }
      case 'delayed':
        return later(run)
      case 'lost':
        run()
        return Promise.reject(networkError(f.variant))
      case 'lostHang':
        run()
        return new Promise<Order>(() => {})
      case 'network':
        return Promise.reject(networkError(f.variant))
      case 'hang':
        return new Promise<Order>(() => {})
      case 'rejected':
        return Promise.reject(refuse('ORDER_REJECTED', 'refused by risk control'))
      case 'garbage':
        return Promise.resolve(garbled(view(server.get(orderId) ?? server.get(serverIds[0]!)!, false)))
      case 'garbageDone': {
        const outcome = run()
        return outcome.ok ? Promise.resolve(garbled(outcome.value)) : Promise.reject(outcome.error)
      }
    }
  }

  const api: OrdersApi = {
    listOrders({ tab, cursor, signal }) {
      if (disposed) fail('dispose', `listOrders(${tab}) was sent after dispose()`)
      if (!caller || caller.kind === 'action' || caller.kind === 'open') {
        fail('once', `listOrders(${tab}) was sent with no tap behind it`)
      }
      stats.pages++
      const call: PageCall = { tab, signal, settled: false }
      pageCalls.push(call)
      const f = nextRead()
      const light = !calm && (scenario.lightPages || f.kind === 'light')
      const page = pageOf(tab, cursor, light)
      const promise = read(
        f,
        signal,
        page,
        () => GARBAGE_PAGES[f.variant % GARBAGE_PAGES.length]!(page),
        (p) => {
          for (const order of p.orders) deliveredTo[tab].add(order.orderId)
        },
      )
      promise.then(
        () => {
          call.settled = true
        },
        () => {
          call.settled = true
        },
      )
      return promise
    },
    getOrder(orderId, { signal }) {
      if (disposed && !calm) fail('dispose', `getOrder(${orderId}) was sent after dispose()`)
      if (caller?.kind === 'open') caller.requests++
      else if (caller) fail('once', `getOrder(${orderId}) was sent by ${caller.kind}`)
      else {
        // no tap: an action reading again what became of its request
        stats.rereads++
        const call = runningCalls.get(orderId)
        if (!call) fail('once', `getOrder(${orderId}) was sent with no tap and no action waiting`)
        else {
          call.rereads++
          if (call.rereads > 1) fail('once', `${call.label} read the order ${call.rereads} times`)
          if (!call.sent || !mayReread(call.sent.fault)) {
            fail(
              'once',
              `${call.label} read the order again after its request was answered (${call.sent?.fault.kind})`,
            )
          }
        }
      }
      const o = server.get(orderId)
      if (!o) return Promise.reject(new TradeKitError('ORDER_REJECTED', `no order ${orderId}`))
      const f = nextRead()
      const other = server.get(serverIds[(serverIds.indexOf(orderId) + 1) % serverIds.length]!)!
      return read(
        f,
        signal,
        view(o, false),
        () =>
          f.kind === 'wrong'
            ? view(other, false)
            : GARBAGE_ORDERS[f.variant % GARBAGE_ORDERS.length]!(view(o, false)),
        () => {},
      )
    },
    cancelOrder: (orderId) => act('cancelOrder', orderId, cancelOn),
    requestRefund(orderId, request, ctx) {
      const tap = caller?.kind === 'action' ? caller.call : undefined
      if (tap) checkRefundRequest(tap, request)
      const key = ctx?.idempotencyKey
      const asked = JSON.stringify([orderId, request])
      const label = tap?.label ?? 'a refund request'
      if (typeof key !== 'string' || key === '') fail('once', `${label} was sent with no idempotency key`)
      else {
        // a key is sent again only for the same request, after the request sent under it got no
        // answer and the order read again did not show it done
        const before = keyUses.get(key)
        if (before) {
          stats.keysSentAgain++
          if (before.asked !== asked) fail('once', `${label} sent the key of another refund request`)
          const prev = before.call
          if (prev && (!prev.sent || !mayReread(prev.sent.fault) || prev.result?.ok)) {
            fail(
              'once',
              `${label} sent again the key of ${prev.label}, which was answered (${prev.sent?.fault.kind}, ${prev.result?.ok ? 'ok' : prev.result?.error.code})`,
            )
          }
        }
        // the same request sent again: what it did counts from the tap that first sent it
        const prev = before?.call
        if (tap && prev) tap.firstSent = prev.firstSent ?? prev
        keyUses.set(key, { asked, ...(tap ? { call: tap } : {}) })
      }
      return act('requestRefund', orderId, (o) => refundOn(o, request, key ?? ''))
    },
    cancelRefund: (orderId, refundId) => act('cancelRefund', orderId, (o) => withdrawOn(o, refundId)),
    confirmReceipt: (orderId) => act('confirmReceipt', orderId, confirmOn),
  }

  // [money]: what the refund request asks, against the order the screen showed when tapped
  function checkRefundRequest(call: ActionCall, request: RefundRequest) {
    const order = call.shown
    const at = `${call.label} asked ${JSON.stringify(request)}`
    if (!order) return fail('money', `${at} for an order the screen did not show`)
    const left = new Map(order.lines.map((line) => [line.lineId, line.amount.amount - line.refunded.amount]))
    const orderLeft = Math.min(
      [...left.values()].reduce((sum, value) => sum + Math.max(0, value), 0),
      order.amount.amount - order.refunded.amount,
    )
    const seen = new Set<string>()
    let sum = 0
    if (request.lines.length === 0) fail('money', `${at}: no line`)
    for (const part of request.lines) {
      const room = left.get(part.lineId)
      if (room === undefined || seen.has(part.lineId))
        fail('money', `${at}: line ${part.lineId} unknown or twice`)
      seen.add(part.lineId)
      if (!Number.isSafeInteger(part.amount.amount) || part.amount.amount <= 0)
        fail('money', `${at}: bad amount`)
      if (room !== undefined && part.amount.amount > room)
        fail('money', `${at}: line ${part.lineId} has ${room} left`)
      sum += part.amount.amount
    }
    if (sum !== request.amount.amount) fail('money', `${at}: the lines sum to ${sum}`)
    if (request.amount.amount > orderLeft) fail('money', `${at}: the order has ${orderLeft} left`)
    const input = call.input
    if (input?.amount !== undefined && input.amount.amount !== request.amount.amount) {
      fail('money', `${at}: the user asked ${input.amount.amount}`)
    }
    for (const asked of input?.lines ?? []) {
      const part = request.lines.find((p) => p.lineId === asked.lineId)
      if (asked.amount !== undefined && part?.amount.amount !== asked.amount.amount) {
        fail('money', `${at}: the user asked ${asked.amount.amount} of line ${asked.lineId}`)
      }
    }
    if (input?.lines && input.amount === undefined && input.lines.every((l) => l.amount === undefined)) {
      const whole = input.lines.reduce((total, l) => total + Math.max(0, left.get(l.lineId) ?? 0), 0)
      if (request.amount.amount !== Math.min(whole, orderLeft)) {
        fail('money', `${at}: the lines asked whole have ${whole} left`)
      }
    }
  }

  // ---- the app ----
  const shows = new Set<() => void>()
  const lifecycle: LifecyclePort = {
    onShow: (cb) => {
      shows.add(cb)
      return () => shows.delete(cb)
    },
    onHide: () => () => {},
  }
  const store: Orders = createOrders({ api, lifecycle, timing: TIMING, now: deviceNow })
  let disposed = false
  let disposedSnapshot: OrdersSnapshot | undefined
  let hidden = false

  // ---- what the screen says, checked on every change ----
  const lastBase = new Map<string, Order>()
  const isOptimistic = (id: string, order: Order, s: OrdersSnapshot) =>
    order.status === 'cancelled' && s.actions[id]?.action === 'cancel' && s.actions[id]?.status === 'running'
  const firstIndex = (o: ServerOrder, status: OrderLifecycleStatus, sig: string) => {
    const exact = o.history.findIndex((e) => e.status === status && (sig === '?' || e.sig === sig))
    return exact >= 0 ? exact : o.history.findIndex((e) => e.status === status)
  }
  const lastIndex = (o: ServerOrder, status: OrderLifecycleStatus) =>
    o.history.map((e) => e.status).lastIndexOf(status)
  const checkSnapshot = (s: OrdersSnapshot) => {
    for (const [id, order] of Object.entries(s.orders)) {
      const o = server.get(id)
      if (!o) {
        fail('truth', `the screen shows ${id}, which the server does not have`)
        continue
      }
      if (order.orderId !== id || order.kind !== o.kind)
        fail('truth', `${id} is shown as ${order.orderId} (${order.kind})`)
      const optimistic = isOptimistic(id, order, s)
      if (!optimistic && !o.everStatuses.has(order.status)) {
        fail('truth', `${id} is shown ${order.status}, which the server never had (${[...o.everStatuses]})`)
      }
      if (!o.everRefunded.has(order.refunded.amount)) {
        fail('truth', `${id} is shown refunded ${order.refunded.amount}, which the server never had`)
      }
      if (optimistic) continue
      const before = lastBase.get(id)
      lastBase.set(id, order)
      if (!before || before === order) continue
      const was = refundsOfShown(before)
      const now = refundsOfShown(order)
      if (refundsBehind(was, now))
        fail('regress', `${id}'s refunds went back from ${sigOf(was)} to ${sigOf(now)}`)
      if (before.status === order.status) continue
      // with no refund records before (a light page), only the server's history can tell a move back
      if (
        was !== undefined &&
        !reachableStatuses(before.status, o.kind).has(order.status) &&
        !refundsAhead(was, now)
      ) {
        fail(
          'regress',
          `${id} went from ${before.status} to ${order.status} (refunds ${sigOf(was)} → ${sigOf(now)})`,
        )
      }
      const newest = lastIndex(o, order.status)
      const oldest = firstIndex(o, before.status, sigOf(was))
      // without versions on both, a status a light page showed and an answer made in the same
      // millisecond of the server's clock cannot be ordered by anyone (the limit Order.version documents)
      const unordered =
        scenario.versions !== 'all' && was === undefined && before.serverNow === order.serverNow
      if (newest >= 0 && newest < oldest && unordered) stats.unordered++
      else if (newest >= 0 && newest < oldest) {
        fail(
          'regress',
          `${id} went back in time from ${before.status} (${sigOf(was)}) to ${order.status}, which the server held only before`,
        )
      }
    }
    for (const tab of ORDER_TAB_NAMES) {
      const list: OrderList = s.tabs[tab]
      const ids = list.orders.map((order) => order.orderId)
      if (new Set(ids).size !== ids.length) fail('lists', `${tab} lists an order twice: ${ids}`)
      for (const order of list.orders) {
        if (order !== s.orders[order.orderId]) fail('lists', `${tab} shows another copy of ${order.orderId}`)
        if (!orderInTab(order, tab))
          fail('lists', `${tab} lists ${order.orderId} ${order.status} (${order.kind})`)
        if (!deliveredTo[tab].has(order.orderId)) {
          fail('lists', `${tab} lists ${order.orderId}, which the server never listed there`)
        }
      }
      for (let i = 1; i < list.orders.length; i++) {
        if (list.orders[i - 1]!.createdAt < list.orders[i]!.createdAt)
          fail('lists', `${tab} is not newest first`)
      }
      if (list.empty && list.orders.length > 0) fail('lists', `${tab} says empty and lists ${ids}`)
    }
  }
  store.subscribe(() => {
    try {
      if (disposed) fail('dispose', 'a listener was told after dispose()')
      checkSnapshot(store.getSnapshot())
    } catch (error) {
      fail('listener', `a listener threw: ${String(error)}`)
    }
  })

  // ---- the user's taps ----
  const pending: { name: string; settled: boolean }[] = []
  const track = <T>(name: string, promise: Promise<T>, then?: (value: T) => void) => {
    const entry = { name, settled: false }
    pending.push(entry)
    promise.then(
      (value) => {
        entry.settled = true
        try {
          then?.(value)
        } catch (error) {
          fail('listener', `checking ${name} threw: ${String(error)}`)
        }
      },
      (error: unknown) => {
        entry.settled = true
        fail('stuck', `${name} rejected: ${String(error)}`)
      },
    )
  }
  const tapList = (name: string, run: () => Promise<OrderList>) => {
    caller = { kind: 'list' }
    try {
      track(name, run())
    } catch (error) {
      fail('stuck', `${name} threw: ${String(error)}`)
    } finally {
      caller = undefined
    }
  }
  const showApp = () => {
    hidden = false
    caller = { kind: 'show' }
    try {
      for (const cb of [...shows]) cb()
    } finally {
      caller = undefined
    }
  }

  const byPromise = new Map<Promise<OrderResult>, ActionCall>()
  let callCount = 0

  const effectAt = (call: ActionCall, e: Entry): boolean => {
    switch (call.action) {
      case 'cancel':
        return e.status === 'cancelled' || e.status === 'closed'
      case 'confirm_receipt':
        return e.status === 'completed'
      case 'cancel_refund':
        return call.refundId !== undefined && e.refunds[call.refundId] === 'withdrawn'
      case 'refund':
        return Object.keys(e.refunds).some((id) => !call.known.has(id))
    }
  }

  const checkResult = (call: ActionCall, r: OrderResult) => {
    call.settled = true
    call.result = r
    if (runningCalls.get(call.orderId) === call) runningCalls.delete(call.orderId)
    const o = server.get(call.orderId)
    const at = `${call.label} on ${call.orderId} (shown ${call.shown?.status ?? 'nothing'} with refunds ${call.shown?.refunds ? 'known' : 'unknown'}, request ${call.sent?.fault.kind ?? 'none'})`
    if (call.busy && (r.ok || r.error.code !== 'INVALID_ARGUMENT')) {
      fail('once', `${at} tapped while another action ran answered ${r.ok ? 'ok' : r.error.code}`)
    }
    if (r.ok) {
      stats.ok++
      if (!o) return fail('done', `${at} answered ok for an order the server does not have`)
      // a request sent again under its key is the first tap's request: done since that tap
      const origin = call.firstSent ?? call
      const entries = o.history.slice(origin.startIndex)
      const from = entries.findIndex((e) => effectAt(origin, e))
      if (from < 0) {
        fail(
          'done',
          `${at} answered ok with ${r.order.status}, but the server never did it (it held ${entries.map((e) => `${e.status}[${e.sig}]`).join(' → ')})`,
        )
        return
      }
      const since = new Set(entries.slice(from).map((e) => e.status))
      if (!since.has(r.order.status)) {
        fail(
          'done',
          `${at} answered ok showing ${r.order.status}; since it was done the server held ${[...since]}`,
        )
      }
      const shownNow = store.getSnapshot().orders[call.orderId]
      if (!disposed && shownNow && !since.has(shownNow.status)) {
        fail('done', `${at} answered ok; the screen shows ${shownNow.status}, the server held ${[...since]}`)
      }
      return
    }
    const code = r.error.code
    // a failure the store marks unconfirmed (no answer, or none that was an order) says "not
    // confirmed", never "did not work"
    const unconfirmed =
      code === 'NETWORK' ||
      code === 'TIMEOUT' ||
      store.getSnapshot().actions[call.orderId]?.unconfirmed === true
    if (unconfirmed) stats.unconfirmed++
    else if (call.sent) stats.refused++
    else stats.local++
    if (code === 'ABORTED') {
      if (!disposed) fail('done', `${at} answered ABORTED before dispose()`)
    } else if (!unconfirmed && call.sent?.performed) {
      fail('done', `${at} answered ${code}, but the server did it`)
    }
    if (code === 'ORDER_EXPIRED' && (o?.expiresAt === undefined || call.startAt < o.expiresAt)) {
      fail(
        'truth',
        `${at} answered ORDER_EXPIRED ${o?.expiresAt === undefined ? '' : o.expiresAt - call.startAt} ms before the order's time ran out`,
      )
    }
  }

  const allowedOn = (action: OrderActionName, order: Order) => {
    const flags = orderActions(order, deviceNow())
    switch (action) {
      case 'cancel':
        return flags.canCancel
      case 'refund':
        return flags.canRefund
      case 'confirm_receipt':
        return flags.canConfirmReceipt
      case 'cancel_refund':
        return order.refunds?.some((refund) => refund.status === 'refund_requested') ?? false
    }
  }
  // the order the user taps the action on: one the screen offers it on (any order the screen shows,
  // or one it does not know, when `any`); undefined when the screen offers it nowhere
  const chooseOrder = (action: OrderActionName, step: Step): string | undefined => {
    const s = store.getSnapshot()
    const known = Object.keys(s.orders).sort()
    const fit = step.any ? known : known.filter((id) => allowedOn(action, s.orders[id]!))
    if (fit.length > 0) return fit[step.pick % fit.length]
    return step.any ? serverIds[step.pick % serverIds.length] : undefined
  }
  const refundInput = (order: Order | undefined, choice: RefundChoice): RefundInput => {
    if (!order) return { amount: money(100), reason: REASON }
    const left = order.lines.map((line) => Math.max(0, line.amount.amount - line.refunded.amount))
    const total = refundableTotal(order).amount
    const i = choice.line % order.lines.length
    const line = order.lines[i]!
    switch (choice.mode) {
      case 'all': {
        const open = order.lines.filter((_, j) => left[j]! > 0)
        return {
          lines: (open.length > 0 ? open : order.lines).map((l) => ({ lineId: l.lineId })),
          reason: REASON,
        }
      }
      case 'amount':
        return { amount: money(Math.max(1, Math.floor((total * choice.percent) / 100))), reason: REASON }
      case 'line':
        return { lines: [{ lineId: line.lineId }], reason: REASON }
      case 'lineAmount':
        return {
          lines: [
            {
              lineId: line.lineId,
              amount: money(Math.max(1, Math.floor((left[i]! * choice.percent) / 100))),
            },
          ],
          reason: REASON,
        }
      case 'over':
        return { amount: money(total + 1), reason: REASON }
      case 'noReason':
        return { amount: money(1), reason: ' ' }
    }
  }

  // the refund records the user saw when tapping: those shown, or with none shown (a light list page)
  // and a settled refund shown, the settled records the server had
  const seenRecords = (shown: Order | undefined, o: ServerOrder | undefined): ReadonlySet<string> => {
    if (shown?.refunds) return new Set(shown.refunds.map((refund) => refund.refundId))
    if (!o || (shown?.status !== 'refunded' && shown?.status !== 'refund_rejected')) return new Set()
    return new Set(
      o.refunds
        .filter(
          (refund) =>
            refund.status === 'refunded' ||
            refund.status === 'refund_rejected' ||
            refund.status === 'withdrawn',
        )
        .map((refund) => refund.refundId),
    )
  }

  const tapAction = (orderId: string, action: OrderActionName, step: Step): ActionCall | undefined => {
    const before = store.getSnapshot()
    const shown = before.orders[orderId]
    const running = runningCalls.get(orderId)
    const o = server.get(orderId)
    const open = shown?.refunds?.find((refund) => refund.status === 'refund_requested')
    const refundId =
      action === 'cancel_refund'
        ? step.any
          ? (shown?.refunds?.[0]?.refundId ?? 'r-unknown')
          : (open?.refundId ?? 'r-unknown')
        : undefined
    const input = action === 'refund' ? refundInput(shown, step.refund) : undefined
    const call: ActionCall = {
      n: ++callCount,
      orderId,
      action,
      label: `${action}#${callCount}`,
      ...(refundId !== undefined ? { refundId } : {}),
      ...(input !== undefined ? { input } : {}),
      startIndex: o ? o.history.length - 1 : 0,
      startAt: Date.now(),
      ...(shown ? { shown } : {}),
      known: seenRecords(shown, o),
      busy: running !== undefined && running.action !== action && !disposed,
      requests: 0,
      rereads: 0,
      settled: false,
    }
    caller = { kind: 'action', call }
    let promise: Promise<OrderResult>
    try {
      switch (action) {
        case 'cancel':
          promise = store.cancel(orderId)
          break
        case 'refund':
          promise = store.requestRefund(orderId, input!)
          break
        case 'cancel_refund':
          promise = store.cancelRefund(orderId, refundId!)
          break
        default:
          promise = store.confirmReceipt(orderId)
      }
    } catch (error) {
      fail('stuck', `${call.label} threw: ${String(error)}`)
      return undefined
    } finally {
      caller = undefined
    }
    stats.taps++
    const existing = byPromise.get(promise)
    if (existing) {
      // the running action answered again
      if (call.requests > 0)
        fail('once', `${call.label} answered the running ${existing.label} but sent a request`)
      if (existing.action !== action) fail('once', `${call.label} answered ${existing.label}`)
      if (store.getSnapshot() !== before)
        fail('once', `${call.label} answered ${existing.label} and changed the screen`)
      stats.doubleTaps++
      return existing
    }
    if (running && !disposed) {
      if (running.action === action) fail('once', `${call.label} started again while ${running.label} runs`)
      if (call.requests > 0) fail('once', `${call.label} sent a request while ${running.label} runs`)
      if (store.getSnapshot() !== before)
        fail('once', `${call.label} changed the screen while ${running.label} runs`)
      stats.busy++
    }
    byPromise.set(promise, call)
    const state = store.getSnapshot().actions[orderId]
    if (!disposed && !running && state?.status === 'running' && state.action === action)
      runningCalls.set(orderId, call)
    track(call.label, promise, (r) => checkResult(call, r))
    return call
  }

  const tapOpen = (orderId: string) => {
    const entry: { kind: 'open'; requests: number } = { kind: 'open', requests: 0 }
    const onItsWay = openRunning.get(orderId)
    caller = entry
    let promise: Promise<OrderResult>
    try {
      promise = store.getOrder(orderId)
    } finally {
      caller = undefined
    }
    if (onItsWay && !disposed) {
      if (promise !== onItsWay || entry.requests > 0)
        fail('once', `getOrder(${orderId}) read again while a read was on its way`)
      return
    }
    if (entry.requests > 0) openRunning.set(orderId, promise)
    track(`getOrder(${orderId})`, promise, (r) => {
      if (openRunning.get(orderId) === promise) openRunning.delete(orderId)
      if (r.ok && r.order.orderId !== orderId)
        fail('truth', `getOrder(${orderId}) answered ${r.order.orderId}`)
    })
  }

  const advance = (ms: number) => advanceTime(ms, fail)
  // after the time ran, what runs and loads is what the screen says runs and loads
  const checkMoving = (when: string) => {
    if (disposed) return
    const s = store.getSnapshot()
    for (const id of serverIds) {
      const running = runningCalls.get(id)
      const state = s.actions[id]
      const says = state?.status === 'running' ? state.action : undefined
      if (says !== running?.action) {
        fail(
          'stuck',
          `${when}: ${id} shows ${says ?? 'no action'} running while ${running?.label ?? 'none'} runs`,
        )
      }
      if ((s.details[id]?.status === 'loading') !== openRunning.has(id)) {
        fail(
          'stuck',
          `${when}: ${id}'s detail is ${s.details[id]?.status ?? 'unread'} while a read is ${openRunning.has(id) ? '' : 'not '}on its way`,
        )
      }
    }
    for (const tab of ORDER_TAB_NAMES) {
      const onItsWay = pageCalls.some((c) => c.tab === tab && !c.settled && !c.signal.aborted)
      if (LOADING.has(s.tabs[tab].status) !== onItsWay) {
        fail(
          'stuck',
          `${when}: ${tab} is ${s.tabs[tab].status} while a page is ${onItsWay ? '' : 'not '}on its way`,
        )
      }
    }
  }

  // an order of the screen, or (by a link, or with nothing shown) any of the server's
  const openSome = (step: Step) => {
    const known = Object.keys(store.getSnapshot().orders).sort()
    const ids = step.any || known.length === 0 ? serverIds : known
    const id = ids[step.pick % ids.length]!
    tapOpen(id)
    if (step.kind === 'openTwice') tapOpen(id)
  }

  // ---- the run ----
  tapList(`selectTab(${scenario.firstTab})`, () => store.selectTab(scenario.firstTab))
  const disposeAt =
    scenario.disposeBeforeEnd === null
      ? -1
      : Math.max(0, scenario.steps.length - 1 - scenario.disposeBeforeEnd)
  for (const [index, step] of scenario.steps.entries()) {
    if (index === disposeAt) {
      store.dispose()
      disposed = true
      disposedSnapshot = store.getSnapshot()
    }
    const tab = step.any ? step.tab : undefined
    switch (step.kind) {
      case 'select':
        tapList(`selectTab(${step.tab})`, () => store.selectTab(step.tab))
        break
      case 'refresh':
        tapList(`refresh(${tab ?? ''})`, () => store.refresh(tab))
        break
      case 'more':
        tapList(`loadMore(${tab ?? ''})`, () => store.loadMore(tab))
        break
      case 'moreTwice': {
        const target = tab ?? store.getSnapshot().current
        tapList(`loadMore(${target})`, () => store.loadMore(target))
        const asked = pageCalls.length
        const loading = LOADING.has(store.getSnapshot().tabs[target].status)
        tapList(`loadMore(${target}) again`, () => store.loadMore(target))
        if (loading && !disposed && pageCalls.length !== asked) {
          fail('once', `loadMore(${target}) asked again for a page while one was on its way`)
        }
        break
      }
      case 'open':
      case 'openTwice':
        openSome(step)
        break
      case 'act':
      case 'double': {
        const id = chooseOrder(step.action, step)
        // with nothing to tap, the user opens an order instead
        if (id === undefined) {
          openSome(step)
          break
        }
        tapAction(id, step.action, step)
        if (step.kind === 'act') break
        if (step.gapMs > 0) await advance(step.gapMs)
        tapAction(id, step.action, step)
        break
      }
      case 'other': {
        // an action, and at once (or a moment later) another one on the same order
        const id = chooseOrder(step.action, step)
        if (id === undefined) {
          openSome(step)
          break
        }
        tapAction(id, step.action, step)
        if (step.gapMs > 0) await advance(step.gapMs)
        const others = ACTION_NAMES.filter((a) => a !== step.action)
        tapAction(id, others[step.pick % others.length]!, step)
        break
      }
      case 'refreshAndAct': {
        // a pull to refresh, and a tap while the page is on its way
        tapList('refresh()', () => store.refresh())
        if (step.gapMs > 0) await advance(step.gapMs)
        const id = chooseOrder(step.action, step)
        if (id === undefined) openSome(step)
        else tapAction(id, step.action, step)
        break
      }
      case 'hide':
        hidden = true
        break
      case 'show':
        showApp()
        break
      case 'wait':
        break
    }
    await advance(step.waitMs)
    checkMoving(`after ${step.kind} (step ${index})`)
  }

  // nothing is stuck: with the app shown, every timeout runs out and the server makes its last moves
  if (hidden) showApp()
  await advance(FINAL_WAIT_MS)
  for (const entry of pending) if (!entry.settled) fail('stuck', `${entry.name} never settled`)
  const s = store.getSnapshot()
  if (disposed) {
    if (s !== disposedSnapshot) fail('dispose', 'the snapshot changed after dispose()')
  } else {
    checkMoving('at the end')
    for (const [id, state] of Object.entries(s.actions)) {
      if (state.status === 'running') fail('stuck', `${id} still runs ${state.action}`)
    }
    for (const tab of ORDER_TAB_NAMES) {
      if (LOADING.has(s.tabs[tab].status)) fail('stuck', `${tab} is still ${s.tabs[tab].status}`)
    }
    for (const [id, detail] of Object.entries(s.details)) {
      if (detail.status === 'loading') fail('stuck', `${id}'s detail is still loading`)
    }

    // the network calms: one read of each order shows what the server holds
    calm = true
    const before = violations.length
    for (const id of serverIds) {
      tapOpen(id)
      await advance(1)
      const shown = store.getSnapshot().orders[id]
      const o = server.get(id)!
      stats.converged++
      const held = `${o.status} [${sigOf(refundsOfShown(view(o, false)))}] refunded ${refundedOf(o)}`
      if (!shown) fail('converge', `${id} is not shown after a calm read; the server holds ${held}`)
      else if (
        shown.status !== o.status ||
        sigOf(refundsOfShown(shown)) !== sigOf(refundsOfShown(view(o, false))) ||
        shown.refunded.amount !== refundedOf(o)
      ) {
        fail(
          'converge',
          `${id} shows ${shown.status} [${sigOf(refundsOfShown(shown))}] refunded ${shown.refunded.amount} after a calm read; the server holds ${held}`,
        )
      }
    }
    // ... and each tab, refreshed and read to its end, lists what the server lists
    if (violations.length === before) {
      for (const tab of ORDER_TAB_NAMES) {
        tapList(`refresh(${tab}) when calm`, () => store.refresh(tab))
        await advance(1)
        for (let i = 0; i < 10 && store.getSnapshot().tabs[tab].hasMore; i++) {
          tapList(`loadMore(${tab}) when calm`, () => store.loadMore(tab))
          await advance(1)
        }
        const list = store.getSnapshot().tabs[tab]
        const shownIds = list.orders.map((order) => order.orderId).join(',')
        const serverList = inTab(tab)
          .map((o) => o.orderId)
          .join(',')
        if (
          list.status !== 'ready' ||
          list.hasMore ||
          shownIds !== serverList ||
          list.empty !== (serverList === '')
        ) {
          fail(
            'lists',
            `${tab} read to its end when calm is ${list.status} [${shownIds}]; the server lists [${serverList}]`,
          )
        }
      }
    }
  }

  store.dispose()
  vi.clearAllTimers()
  return violations
}

const initialOrderArb: fc.Arbitrary<InitialOrder> = fc.record({
  kind: fc.constantFrom<OrderKind>('physical', 'physical', 'service', 'virtual'),
  statusPick: fc.nat({ max: 10 }),
  fulfilmentPick: fc.nat({ max: 3 }),
  amounts: fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })),
  partial: fc.boolean(),
  withdrawnBefore: fc.constantFrom(false, false, false, true),
  expiresInMs: fc.integer({ min: -5000, max: 40_000 }),
})

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<StepKind>(
    'select',
    'select',
    'refresh',
    'more',
    'moreTwice',
    'open',
    'open',
    'openTwice',
    'act',
    'act',
    'act',
    'act',
    'double',
    'double',
    'other',
    'refreshAndAct',
    'refreshAndAct',
    'hide',
    'show',
    'wait',
  ),
  tab: fc.constantFrom(...ORDER_TAB_NAMES),
  pick: fc.nat({ max: 20 }),
  any: fc.constantFrom(false, false, false, true),
  action: fc.constantFrom(...ACTION_NAMES),
  refund: fc.record({
    mode: fc.constantFrom<RefundMode>(
      'all',
      'all',
      'amount',
      'amount',
      'line',
      'lineAmount',
      'over',
      'noReason',
    ),
    percent: fc.integer({ min: 1, max: 100 }),
    line: fc.nat({ max: 1 }),
  }),
  gapMs: fc.constantFrom(0, 0, 50, 400),
  waitMs: fc.integer({ min: 0, max: 6000 }),
})

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  orders: fc.array(initialOrderArb, { minLength: 3, maxLength: 7 }),
  pageSize: fc.constantFrom(2, 3, 10),
  lightPages: fc.constantFrom(false, false, true),
  versions: fc.constantFrom(undefined, 'full', 'all', 'all'),
  skewMs: fc.constantFrom(0, 0, 300_000, -300_000),
  moves: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 40_000 }),
      order: fc.nat({ max: 6 }),
      pick: fc.nat({ max: 5 }),
    }),
    { maxLength: 12 },
  ),
  readFaults: fc.array(
    fc.record({
      kind: fc.constantFrom<ReadFaultKind>(
        'ok',
        'ok',
        'ok',
        'ok',
        'slow',
        'slow',
        'hang',
        'network',
        'garbage',
        'light',
        'wrong',
        'rejected',
      ),
      ms: fc.integer({ min: 20, max: 2500 }),
      variant: fc.nat({ max: 7 }),
    }),
    { maxLength: 30 },
  ),
  actionFaults: fc.array(
    fc.record({
      kind: fc.constantFrom<ActionFaultKind>(
        'ok',
        'ok',
        'ok',
        'slow',
        'delayed',
        'lost',
        'lostHang',
        'network',
        'hang',
        'rejected',
        'garbage',
        'garbageDone',
      ),
      ms: fc.integer({ min: 20, max: 2500 }),
      variant: fc.nat({ max: 7 }),
    }),
    { maxLength: 12 },
  ),
  firstTab: fc.constantFrom<OrderTab>('all', 'all', ...ORDER_TAB_NAMES),
  steps: fc.array(stepArb, { minLength: 3, maxLength: 16 }),
  disposeBeforeEnd: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 1 },
  ),
})

// Scenarios the model found, run first on every run. Each starts on the 全部 tab, whose first page
// lists every order, and waits 10 ms for it.
const STEP: Step = {
  kind: 'wait',
  tab: 'all',
  pick: 0,
  any: false,
  action: 'cancel',
  refund: { mode: 'all', percent: 100, line: 0 },
  gapMs: 0,
  waitMs: 10,
}
const PAID: InitialOrder = {
  kind: 'physical',
  statusPick: 1,
  fulfilmentPick: 0,
  amounts: [2000, 1000],
  partial: false,
  withdrawnBefore: false,
  expiresInMs: 30_000,
}
const UNPAID: InitialOrder = { ...PAID, statusPick: 0 }
// a parcel whose refund was rejected (statusPick 8), shipped before it was asked (fulfilmentPick 1)
const REJECTED: InitialOrder = { ...PAID, statusPick: 8, fulfilmentPick: 1 }
// a parcel shipped (fulfilmentPick 1) with a refund request open (statusPick 5)
const REQUESTED: InitialOrder = { ...PAID, statusPick: 5, fulfilmentPick: 1 }
const OK_READ_FAULT: ReadFault = { kind: 'ok', ms: 0, variant: 0 }
const SCENARIO: Scenario = {
  orders: [PAID, PAID, PAID],
  pageSize: 10,
  lightPages: false,
  skewMs: 0,
  moves: [],
  readFaults: [],
  actionFaults: [],
  firstTab: 'all',
  steps: [],
  disposeBeforeEnd: null,
}
// unpaid orders whose time ran out at the start, and a paid one
const GONE: InitialOrder = { ...UNPAID, expiresInMs: 0 }
const PAID_NOW: InitialOrder = { ...PAID, expiresInMs: 0 }
// one paid order among unpaid ones whose time ran out, two to a page without refund records, and
// the store disposed before the last step (scenarios h and i)
const ONE_PAID_LIGHT: Scenario = {
  ...SCENARIO,
  orders: [GONE, PAID_NOW, GONE, GONE, GONE].map((o) => ({ ...o, amounts: [1, 1] as [number, number] })),
  pageSize: 2,
  lightPages: true,
  disposeBeforeEnd: 0,
}
// a parcel shipped (statusPick 2), read faults, and a refund of all of line 1 (scenario j)
const SHIPPED: InitialOrder = { ...PAID, statusPick: 2, expiresInMs: 0 }
const NETWORK_READ: ReadFault = { kind: 'network', ms: 20, variant: 0 }
const WRONG_READ: ReadFault = { kind: 'wrong', ms: 20, variant: 0 }
const LINE_1: RefundChoice = { mode: 'line', percent: 1, line: 1 }
// a parcel partly refunded (statusPick 7), an answered read 20 ms late, 1% of what is left (scenario k)
const PARTLY_REFUNDED: InitialOrder = { ...PAID, statusPick: 7, partial: true, expiresInMs: 0 }
const OK_READ_20: ReadFault = { kind: 'ok', ms: 20, variant: 0 }
const ALL_1: RefundChoice = { mode: 'all', percent: 1, line: 0 }
const GONE_1: InitialOrder = { ...GONE, amounts: [1, 1] }
const ASK_REFUND: Step = {
  ...STEP,
  kind: 'act',
  action: 'refund',
  refund: { mode: 'all', percent: 1, line: 0 },
}
/** A read's or an action's fault: `ms` late (20 by default), the first variant. */
const fault = <K extends string>(kind: K, ms = 20) => ({ kind, ms, variant: 0 })
/** A step of `kind` that waits `waitMs` after it (none by default), the calm default otherwise. */
const at = (kind: StepKind, waitMs = 0, more: Partial<Step> = {}): Step => ({
  ...STEP,
  kind,
  ...more,
  waitMs,
})
const FOUND: Scenario[] = [
  // a. [stuck] a cancel whose answer is lost reads the order again, and the read answers another
  //    order: the cancel's promise rejects and the order shows the cancel running for good
  {
    ...SCENARIO,
    orders: [UNPAID, PAID, PAID],
    readFaults: [OK_READ_FAULT, fault('wrong', 0)],
    actionFaults: [fault('lost', 0)],
    steps: [STEP, { ...STEP, kind: 'act', action: 'cancel' }],
  },
  // b. [done] the server cancels the order and answers something that is not an order: the cancel
  //    answers INVALID_ARGUMENT and the screen shows the order unpaid again
  {
    ...SCENARIO,
    orders: [UNPAID, PAID, PAID],
    actionFaults: [fault('garbageDone', 0)],
    steps: [STEP, { ...STEP, kind: 'act', action: 'cancel' }],
  },
  // c. [done] a new refund request on an order whose refund was rejected never reaches the server
  //    (a network error): the order read again is still refund_rejected, which counts as done, and
  //    the request answers ok
  {
    ...SCENARIO,
    orders: [REJECTED, PAID, PAID],
    actionFaults: [fault('network', 0)],
    steps: [STEP, { ...STEP, kind: 'act', action: 'refund' }],
  },
  // d. [done, converge] list pages without refund records: a new refund request on an order whose
  //    refund was rejected is made, but the answer (refund_requested, a new record) is not taken over
  //    refund_rejected; the request answers ok, and no later read of the order shows it
  {
    ...SCENARIO,
    orders: [REJECTED, PAID, PAID],
    lightPages: true,
    steps: [STEP, { ...STEP, kind: 'act', action: 'refund' }],
  },
  // e. [regress, converge] list pages without refund records: the user opens an order with a refund
  //    request open, pulls to refresh and withdraws the request; the page, asked before the
  //    withdrawal, lands after it and the order shows refund_requested again, for good
  {
    ...SCENARIO,
    orders: [REQUESTED, PAID, PAID],
    lightPages: true,
    readFaults: [OK_READ_FAULT, OK_READ_FAULT, fault('slow', 500)],
    steps: [{ ...STEP, kind: 'open' }, at('refreshAndAct', 5000, { action: 'cancel_refund' })],
  },
  // f. [regress] the same with a new refund request on an order whose refund was rejected: the page
  //    asked before the request lands after it and shows the order refund_rejected again
  {
    ...SCENARIO,
    orders: [REJECTED, PAID, PAID],
    lightPages: true,
    readFaults: [OK_READ_FAULT, OK_READ_FAULT, fault('slow', 500)],
    steps: [{ ...STEP, kind: 'open' }, at('refreshAndAct', 5000, { action: 'refund' })],
  },
  // g. [done] a refund request is made but its answer never comes and the order read again fails
  //    (not confirmed); a refresh shows the request, the user withdraws it and asks the same refund
  //    again: the store sends the first request's idempotency key, the server answers the withdrawn
  //    request again, and the new request answers ok with nothing asked
  {
    ...SCENARIO,
    readFaults: [OK_READ_FAULT, fault('network', 0)],
    actionFaults: [fault('lostHang', 0)],
    steps: [
      STEP,
      at('act', 3000, { action: 'refund' }),
      { ...STEP, kind: 'refresh' },
      { ...STEP, kind: 'act', action: 'cancel_refund' },
      { ...STEP, kind: 'act', action: 'refund' },
    ],
  },
  // h. [regress] list pages without refund records: the user asks a refund of a paid order and the
  //    answer is slow (it says refund_requested); the merchant takes the request at once and a pull
  //    to refresh shows the order refunding; then the request's answer lands and the order showed
  //    refund_requested again, which the server held only before
  {
    ...ONE_PAID_LIGHT,
    moves: [{ atMs: 1, order: 6, pick: 0 }],
    actionFaults: [fault('slow')],
    steps: [
      at('select'),
      { ...ASK_REFUND, waitMs: 1 },
      at('refresh', 19),
      at('select'),
      at('select'),
      at('select'),
    ],
  },
  // i. [regress] list pages without refund records: a refund request is answered (refund_requested)
  //    and the merchant rejects it; a page shows the order refund_rejected; the user asks again (slow
  //    answer) and the next page shows refund_requested, a status the records held (the first
  //    request) do not lead to from refund_rejected: taken back to it, as a stale page would
  {
    ...ONE_PAID_LIGHT,
    moves: [{ atMs: 1, order: 6, pick: 3 }],
    actionFaults: [fault('ok'), fault('slow')],
    steps: [
      at('select'),
      { ...ASK_REFUND, waitMs: 0 },
      at('select', 1),
      at('show'),
      { ...ASK_REFUND, waitMs: 0 },
      at('refresh'),
      at('select'),
      at('select'),
      at('select'),
    ],
  },
  // j. [done] confirm receipt's answer is garbage (the server did it) and the read after it fails; a
  //    refund request's answer is lost (the server made it) and the order read again is another
  //    order, so its key is kept for a retry; another action's answer then shows the request made,
  //    and the user withdraws it. Asked for again, the same refund went under the kept key: the
  //    server answered the first request again (withdrawn) and the store said the new one was made
  {
    ...SCENARIO,
    orders: [SHIPPED, GONE, GONE].map((o) => ({ ...o, amounts: [1, 1] as [number, number] })),
    pageSize: 2,
    readFaults: [OK_READ_FAULT, OK_READ_FAULT, OK_READ_FAULT, NETWORK_READ, OK_READ_FAULT, WRONG_READ],
    actionFaults: [fault('garbageDone'), fault('lost'), fault('lostHang')],
    steps: [
      at('select', 0, { tab: 'after_sale' }),
      at('select', 0, { tab: 'to_ship' }),
      at('act', 0, { action: 'confirm_receipt' }),
      at('more', 0, { any: true }),
      at('other', 0, { pick: 2, action: 'refund', refund: LINE_1, gapMs: 50 }),
      at('select', 450),
      at('select', 1050),
      at('double', 0, { action: 'cancel_refund' }),
      at('refreshAndAct', 0, { action: 'refund', refund: LINE_1 }),
      at('select'),
      at('select'),
      at('select'),
    ],
  },
  // k. [model] a refund request's answer never comes (the server made it) and the order read again
  //    is another order; the merchant rejects the request; the user asks again and the same request
  //    goes under its key: the server answers it (refund_rejected) and the store says ok. One
  //    request, made and then rejected: the model counts what it did from the first tap on
  {
    ...SCENARIO,
    orders: [GONE, PARTLY_REFUNDED, GONE, GONE].map((o) => ({ ...o, amounts: [1, 1] as [number, number] })),
    pageSize: 2,
    moves: [{ atMs: 1, order: 1, pick: 1 }],
    readFaults: [fault('light'), OK_READ_20, OK_READ_20, WRONG_READ],
    actionFaults: [fault('lostHang')],
    steps: [
      at('open', 0, { refund: ALL_1 }),
      at('select', 0, { tab: 'to_receive', refund: ALL_1 }),
      at('double', 1500, { action: 'refund', refund: ALL_1 }),
      at('act', 0, { action: 'refund', refund: ALL_1 }),
      at('select', 0, { refund: ALL_1 }),
      at('select', 0, { refund: ALL_1 }),
    ],
  },
  // l. [done] a page without refund records shows a partly refunded order; a refund request of it
  //    is made (its answer never comes) and the merchant rejects it, which a later light page does
  //    not show; asked again, the request never reaches the server (a network error) and the order
  //    read again is refund_rejected: the store took the move from the stale page's status as the
  //    new request made and said ok
  {
    ...SCENARIO,
    orders: [GONE_1, GONE_1, GONE_1, GONE_1, { ...PARTLY_REFUNDED, amounts: [1, 2] }, GONE_1, GONE_1],
    pageSize: 2,
    firstTab: 'after_sale',
    moves: [{ atMs: 1, order: 4, pick: 3 }],
    readFaults: [fault('light'), OK_READ_20, OK_READ_20, OK_READ_20, fault('slow', 1000)],
    actionFaults: [fault('lostHang'), fault('network')],
    steps: [
      at('select', 0, { refund: ALL_1 }),
      at('open', 0, { refund: ALL_1 }),
      at('other', 0, { action: 'refund', refund: ALL_1 }),
      at('openTwice', 2500, { refund: ALL_1 }),
      at('act', 0, { action: 'refund', refund: { ...ALL_1, mode: 'amount' } }),
      at('select', 0, { refund: ALL_1 }),
      at('select', 0, { refund: ALL_1 }),
      at('select', 0, { refund: ALL_1 }),
    ],
  },
  // m. [regress] list pages without refund records, answers with the order's version: the user
  //    opens a paid order (its read is slow) and the merchant starts a refund at once; a pull to
  //    refresh shows the order refunding, then the slow read lands (paid, no records), made in the
  //    same millisecond of the server's clock, and took the order back to paid. Without versions
  //    nothing can order the two answers (the model allows exactly that); with them, the older stays out
  {
    ...SCENARIO,
    orders: [GONE_1, { ...PAID_NOW, amounts: [1, 1] }, GONE_1, GONE_1, GONE_1, GONE_1],
    pageSize: 2,
    lightPages: true,
    versions: 'all',
    moves: [{ atMs: 0, order: 1, pick: 3 }],
    readFaults: [OK_READ_20, fault('slow')],
    steps: [
      at('double', 0, { pick: 7, refund: ALL_1 }),
      at('refresh', 0, { refund: ALL_1 }),
      at('select', 20, { refund: ALL_1 }),
      at('select', 0, { refund: ALL_1 }),
    ],
  },
]

faultSuite({
  name: 'orders',
  runs: NUM_RUNS,
  scenarios: scenarioArb,
  found: FOUND,
  run: runScenario,
  stats,
  epoch: EPOCH,
})
