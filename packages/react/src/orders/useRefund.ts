import {
  type AnyTradeKitError,
  currencyFormat,
  type Money,
  money,
  type Order,
  type OrderItem,
  type OrderResult,
  parseMoney,
  planRefund,
  type RefundRequest,
  refundableOf,
  refundableTotal,
} from '@tradekit/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useOrder } from './useOrders'

/** Why a refund form field is not valid yet. */
export type RefundFieldError =
  | 'lines_required'
  | 'amount_required'
  | 'amount_invalid'
  | 'amount_zero'
  | 'amount_too_high'
  | 'reason_required'
  | 'nothing_left'

/** One order line in the refund form. */
export interface RefundLineChoice {
  /** The order line. */
  readonly line: OrderItem
  /** What is left to refund of it (`amount − refunded`). */
  readonly refundable: Money
  /** Chosen for this refund. */
  readonly selected: boolean
  /** Nothing left to refund on it. */
  readonly disabled: boolean
}

/** The refund form of one order. */
export interface UseRefundResult {
  /** The order (absent until read). */
  readonly order?: Order
  /** Its lines, with what is left of each and whether it is chosen. */
  readonly lines: readonly RefundLineChoice[]
  /** Chooses a line or leaves it out (toggles without `selected`). */
  toggleLine(lineId: string, selected?: boolean): void
  /** The amount field's text, in major units ("98.00"): what is refundable until the user edits it. */
  readonly amountText: string
  /** The user typed in the amount field. */
  setAmount(text: string): void
  /** The amount in integer minor units, `null` while the text is not a valid amount. */
  readonly amount: Money | null
  /** The most this refund may be: what is left of the chosen lines, at most paid − refunded. */
  readonly max: Money | null
  /** The chosen reason (an id such as `'quality'`, sent as the refund's reason). */
  readonly reason: string | null
  setReason(reason: string): void
  /** The user's note. */
  readonly note: string
  setNote(note: string): void
  /**
   * What to say next to each field: the amount's once it was edited, every one after a submit
   * was tried.
   */
  readonly errors: Readonly<Partial<Record<'lines' | 'amount' | 'reason', RefundFieldError>>>
  /** True when the form can be sent. */
  readonly valid: boolean
  /** What would be sent, allocated exactly across the lines (`planRefund`), once lines and amount are valid. */
  readonly preview: RefundRequest | null
  /** `submitting` while the request is on its way, `done` once the server took it, `failed` with `error`. */
  readonly status: 'idle' | 'submitting' | 'done' | 'failed'
  /** Why the last submit failed. */
  readonly error?: AnyTradeKitError
  /**
   * The last submit got no answer, nor did reading the order again tell: the request may have reached
   * the merchant. Say it is not confirmed, never that it was not sent; sending the same request again
   * reuses its idempotency key, so the merchant takes it once.
   */
  readonly unconfirmed?: true
  /** Sends the refund request through the order centre; `null` when the form is not valid (its errors show). */
  submit(): Promise<OrderResult | null>
}

/** An amount in major units without a symbol ("98.00"), for an input field. */
function majorText(value: Money): string {
  const { exponent } = currencyFormat(value.currency)
  if (exponent === 0) return String(value.amount)
  const digits = String(value.amount).padStart(exponent + 1, '0')
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/**
 * The state of a refund request form for one order, over the order centre of
 * `TradeProvider ordersApi={…}`: which lines (those with something left, all chosen at first), the
 * amount (what is left of the chosen lines until the user types another, read in integer minor
 * units with `parseMoney`, never above paid − refunded), the reason and a note, inline errors, the
 * exact allocation `planRefund` will send, and submit.
 *
 * @example
 * ```tsx
 * const refund = useRefund(orderId)
 * <Input value={refund.amountText} onInput={(e) => refund.setAmount(e.detail.value)} />
 * {refund.errors.amount ? <Text>{t(`refund.error.${refund.errors.amount}`)}</Text> : null}
 * <Button onClick={() => refund.submit()}>提交申请</Button>
 * ```
 */
export function useRefund(orderId: string): UseRefundResult {
  const { order, requestRefund } = useOrder(orderId)
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null)
  const [typed, setTyped] = useState<string | null>(null)
  const [reason, setReason] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [attempted, setAttempted] = useState(false)
  const [sent, setSent] = useState<Pick<UseRefundResult, 'status' | 'error' | 'unconfirmed'>>({
    status: 'idle',
  })
  const busy = useRef(false)

  const lines = useMemo<RefundLineChoice[]>(() => {
    if (!order) return []
    return order.lines.map((line) => {
      const refundable = refundableOf(line)
      const disabled = refundable.amount === 0
      return { line, refundable, disabled, selected: !disabled && (chosen ? chosen.has(line.lineId) : true) }
    })
  }, [order, chosen])

  const selected = lines.filter((entry) => entry.selected)
  const max = order
    ? money(
        Math.min(
          selected.reduce((total, entry) => total + entry.refundable.amount, 0),
          refundableTotal(order).amount,
        ),
        order.amount.currency,
      )
    : null
  const amountText = typed ?? (max && max.amount > 0 ? majorText(max) : '')

  let amount: Money | null = null
  let amountError: RefundFieldError | undefined
  if (order && max) {
    if (amountText.trim() === '') amountError = 'amount_required'
    else {
      try {
        amount = parseMoney(amountText, order.amount.currency)
      } catch {
        amountError = 'amount_invalid'
      }
      if (amount && amount.amount <= 0) amountError = 'amount_zero'
      else if (amount && amount.amount > max.amount) amountError = 'amount_too_high'
      if (amountError) amount = null
    }
  }
  const nothingLeft = order !== undefined && refundableTotal(order).amount === 0
  const linesError: RefundFieldError | undefined = nothingLeft
    ? 'nothing_left'
    : selected.length === 0
      ? 'lines_required'
      : undefined
  const reasonError: RefundFieldError | undefined = reason ? undefined : 'reason_required'
  const valid = Boolean(order) && !linesError && !amountError && !reasonError

  let preview: RefundRequest | null = null
  if (order && amount && !linesError) {
    try {
      preview = planRefund(order, {
        lines: selected.map((entry) => ({ lineId: entry.line.lineId })),
        amount,
        reason: reason ?? 'preview', // the preview needs lines and amounts only
      })
    } catch {
      preview = null
    }
  }

  const errors: UseRefundResult['errors'] = {
    ...(attempted && linesError ? { lines: linesError } : {}),
    ...((attempted || typed !== null) && amountError && !linesError ? { amount: amountError } : {}),
    ...(attempted && reasonError ? { reason: reasonError } : {}),
  }

  const toggleLine = useCallback(
    (lineId: string, next?: boolean) => {
      setChosen((was) => {
        const base = new Set(
          was ?? (order?.lines ?? []).filter((line) => refundableOf(line).amount > 0).map((l) => l.lineId),
        )
        const on = next ?? !base.has(lineId)
        if (on) base.add(lineId)
        else base.delete(lineId)
        return base
      })
    },
    [order],
  )

  const latest = useRef({ valid, order, selected, amount, reason, note, requestRefund })
  latest.current = { valid, order, selected, amount, reason, note, requestRefund }
  const submit = useCallback(async (): Promise<OrderResult | null> => {
    setAttempted(true)
    const form = latest.current
    if (!form.valid || !form.amount || !form.reason || busy.current) return null
    busy.current = true
    setSent({ status: 'submitting' })
    const result = await form.requestRefund({
      lines: form.selected.map((entry) => ({ lineId: entry.line.lineId })),
      amount: form.amount,
      reason: form.reason,
      ...(form.note.trim() !== '' ? { note: form.note } : {}),
    })
    busy.current = false
    setSent(
      result.ok
        ? { status: 'done' }
        : { status: 'failed', error: result.error, ...(result.unconfirmed ? { unconfirmed: true } : {}) },
    )
    return result
  }, [])

  return {
    ...(order ? { order } : {}),
    lines,
    toggleLine,
    amountText,
    setAmount: setTyped,
    amount,
    max,
    reason,
    setReason,
    note,
    setNote,
    errors,
    valid,
    preview,
    status: sent.status,
    ...(sent.error ? { error: sent.error } : {}),
    ...(sent.unconfirmed ? { unconfirmed: true } : {}),
    submit,
  }
}
