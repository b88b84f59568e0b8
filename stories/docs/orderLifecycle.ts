// The order centre's docs — docs/orders.md, the lifecycle diagram in the README and the Storybook page
// "Docs/Order lifecycle" — written from the tables the order centre runs
// (packages/core/src/orders: orderStatus.ts, orderActions.ts, orderTabs.ts), so they cannot drift.
import {
  ORDER_ACTIONS,
  ORDER_LIFECYCLE_STATUSES,
  ORDER_RULES,
  ORDER_TAB_NAMES,
  ORDER_TABS,
  ORDER_TRANSITIONS,
  type OrderTransitionRow,
} from '@tradekit/core'

const rule = (row: OrderTransitionRow) => (row.rule ? `${row.rule} (${ORDER_RULES[row.rule]})` : '')

/** A Mermaid `stateDiagram-v2` of the order statuses, one edge per pair with every event on it. */
export function ordersMermaid(): string {
  const edges = new Map<string, string[]>()
  for (const row of ORDER_TRANSITIONS) {
    for (const from of row.from) {
      const key = `${from} --> ${row.to}`
      edges.set(key, [...(edges.get(key) ?? []), `${row.on}${row.when ? ` [${row.when}]` : ''}`])
    }
  }
  const lines = ['stateDiagram-v2', '  [*] --> pending_payment']
  for (const [edge, labels] of edges) lines.push(`  ${edge}: ${labels.join(' / ')}`)
  return lines.join('\n')
}

/** The transition table as Markdown. */
export function transitionsTable(): string {
  const head = [
    '| # | event | from | guard | → | by | rule |',
    '| ---: | --- | --- | --- | --- | --- | --- |',
  ]
  const body = ORDER_TRANSITIONS.map(
    (row, i) =>
      `| ${i + 1} | ${row.on} | ${row.from.join(', ')} | ${row.when ?? ''} | ${row.to} | ${row.by} | ${rule(row)} |`,
  )
  return [...head, ...body].join('\n')
}

/** What each status allows, as Markdown. */
export function actionsTable(): string {
  const names = ['canCancel', 'canPay', 'canRefund', 'canConfirmReceipt', 'canBuyAgain'] as const
  const head = [`| status | ${names.join(' | ')} |`, `| --- |${names.map(() => ' :---: |').join('')}`]
  const body = ORDER_LIFECYCLE_STATUSES.map(
    (status) =>
      `| ${status} | ${names.map((name) => (ORDER_ACTIONS[status][name] ? '✓' : '')).join(' | ')} |`,
  )
  return [...head, ...body].join('\n')
}

/** The tabs and their statuses, as Markdown. */
export function tabsTable(): string {
  const head = ['| tab | statuses | kinds |', '| --- | --- | --- |']
  const body = ORDER_TAB_NAMES.map((tab) => {
    const { statuses, kinds } = ORDER_TABS[tab]
    return `| ${tab} | ${tab === 'all' ? 'every status' : statuses.join(', ')} | ${kinds?.join(', ') ?? 'every kind'} |`
  })
  return [...head, ...body].join('\n')
}

/** docs/orders.md. */
export function ordersPage(): string {
  return `# Orders: the lifecycle after the payment

<!-- Written by \`UPDATE_DOCS=1 pnpm exec vitest run --project core test/core/ordersDoc.test.ts\` from
packages/core/src/orders (orderStatus.ts, orderActions.ts, orderTabs.ts); a test fails when this page and the
tables differ. -->

An order's status is the server's word, read through one table that the client and the merchant's server share
(\`ORDER_TRANSITIONS\`). Each row names what happened, the statuses it leaves, a guard on the order's kind, the
status that follows, who makes it happen and the rule it keeps. A parcel (\`physical\`) is shipped, delivered and
completed; a service or a virtual good gets a verification code (\`to_verify\`) that the merchant verifies. An
unpaid order carries \`expiresAt\` and the server's \`serverNow\`: \`remainingMs(order, deviceNow)\` counts down on
the server's clock, so a device clock set wrong does not change the countdown.

**A status never goes back.** The table has no cycle, and \`nextOrderStatus(current, incoming, kind)\` takes the
server's answer only where the table leads from what is known to it: a stale list page answering \`paid\` for an
order its detail already showed \`shipped\` keeps \`shipped\`, and a status the kind cannot have (a shipped
service) is not taken. A refund request ends in \`refunded\` or \`refund_rejected\`; asking again is a new refund
record on the order, and so is taking a request back (\`withdrawn\`, the order showing its fulfilment status
again). \`mergeOrder(cached, fresh)\` reads those records first — an answer that knows a request the other does not,
or one further along, is the newer — and the table second. A list page may leave the records out: a full answer
whose records lead to the status such a page showed does not take it back (the page may have been read after it),
nor does another such page,
and the answer to an action counts as the newest only when nothing about the order arrived while it was on its way.
Where the records cannot tell (one answer a light page), the server's clock does: an answer whose \`serverNow\` is
earlier than the one shown does not change its status, and a status a light page set gives way to an answer made
after it. **Send \`version\`** (the order's revision, raised by your server with every change to the order): when
both answers carry it, the higher is the newer and nothing is guessed. Without it, two answers made in the same
millisecond by a server whose order changed between them cannot be ordered, and a slow read can show the status
before a light page's for a moment, until the next read.

\`\`\`mermaid
${ordersMermaid()}
\`\`\`

${transitionsTable()}

## What each status allows

\`ORDER_ACTIONS\`; \`orderActions(order, deviceNow, payment?)\` narrows it for one order: an unpaid order whose time ran out can
only be bought again, a refund needs something left to refund, and only a parcel is received. Given the checkout's
snapshot on the order (\`useOrder(id).payment\`), it offers no "continue to pay" once that payment was refused for good
(\`isRefusedForGood\`: a \`PAYMENT_FAILED\` the cashier or the server marked not retryable): it would be refused again.

${actionsTable()}

## Tabs

\`ORDER_TABS\`, the one place tabs meet statuses (全部 / 待支付 / 待发货 / 待收货 / 待使用 / 售后).

${tabsTable()}

## Refunds

Amounts are integer minor units. What is left of a line is \`amount − refunded\`; of the order, what is left of its
lines and never more than \`amount − refunded\`. \`planRefund(order, input)\` turns the user's request into amounts
per line: an order-level amount is allocated with \`allocateMoney\` in proportion to what is left of each line
(largest remainder), so the parts sum exactly to the whole and none passes its line. Asking for more than is left
is \`INVALID_AMOUNT\`; an unknown or repeated line, no reason, or lines with and without amounts mixed are
\`INVALID_ARGUMENT\`.

## The store

\`createOrders({ api, lifecycle })\` keeps a paged list per tab and one cache of orders that every list and
detail reads. \`refresh(tab)\` aborts the page on its way; \`loadMore(tab)\` never loads twice at once and never
lists an order twice; the current tab is fetched again when the app comes back. \`cancel(id)\` shows the order
\`cancelled\` at once and rolls it back, with the error in \`snapshot.actions[id]\`, when the server refuses.
\`requestRefund\`, \`cancelRefund\` and \`confirmReceipt\` keep the server's answer. An action that got no answer
(network, timeout) may have been done: the order is read again, and when it shows the action done (cancelled, a
refund requested or taken back, received) the action succeeded; otherwise it fails with the order as the server
has it, so "try again" never asks twice for what was done. When the read does not show it done, or got no answer
either, \`OrderCard\` and \`OrderDetail\` say the result is not confirmed (\`order.action.unconfirmed\`), and
\`RefundSheet\` that the request is (\`refund.error.unconfirmed\`), never that it did not work or was not sent. A refund
request carries an \`idempotencyKey\` (\`api.requestRefund(orderId, request, { idempotencyKey })\`): sent again after no
answer, it keeps its key, so the server makes one refund request; an answer, any later read of the order, or another
action's answer showing the request made, ends it (sent again under its key, the server would answer the first
request, perhaps withdrawn since, as if the new one were made). A refund asked for on a list page without refund
records, whose answer was lost, counts as made only when the order read again has a request open: that page's status
may be behind the server's, so a rejection or a refund read then may be of an earlier request ("not confirmed").
An answer that is not the order counts as no answer. A failure the store could not confirm either way carries
\`unconfirmed: true\` in \`snapshot.actions[id]\` and in its result (\`useRefund\` passes it on). Actions never reject:
they settle with \`{ ok, order }\` or \`{ ok: false, error, unconfirmed? }\`.
`
}
