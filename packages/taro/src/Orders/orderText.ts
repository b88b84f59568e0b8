import type { MessageKey, Order, OrderActionState, OrderItem, Translate } from '@tradekit/core'

/**
 * The catalogue key of an order's status as the user reads it: a paid parcel waits to be shipped
 * (待发货); an unpaid order whose time ran out says so before the server closes it.
 */
export function statusKey(order: Pick<Order, 'status' | 'kind'>, remaining: number | null): MessageKey {
  if (order.status === 'pending_payment' && remaining === 0) return 'order.status.expired'
  if (order.status === 'paid' && order.kind === 'physical') return 'order.status.paid_physical'
  return `order.status.${order.status}` as MessageKey
}

/**
 * What a failed action says: a refusal did not work; one the store marks `unconfirmed` (no answer,
 * nor from reading the order again) may have been done, so it is not confirmed either way.
 */
export function actionFailureKey(action: OrderActionState): MessageKey {
  return action.unconfirmed ? 'order.action.unconfirmed' : 'order.action.failed'
}

const two = (n: number) => String(n).padStart(2, '0')

/** A countdown as `mm:ss`, or `h:mm:ss` from an hour up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`
}

/** A server time (epoch ms) as `YYYY-MM-DD HH:mm` on the device's time zone; no `Intl` needed. */
export function formatTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** A line's display attributes (颜色: 黑, 尺码: M) joined with the locale's separator. */
export function specOf(line: Pick<OrderItem, 'attributes'>, t: Translate): string {
  return (line.attributes ?? []).map((a) => `${a.name}: ${a.value}`).join(t('a11y.separator'))
}
