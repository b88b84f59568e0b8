import type { MessageKey, Translate } from '@tradekit/core'

/** The reasons RefundSheet offers, sent to the server as these ids (the text is the catalogue's). */
export const REFUND_REASONS = Object.freeze([
  'not_wanted',
  'wrong_item',
  'quality',
  'not_as_described',
  'not_delivered',
  'other',
] as const)

/** A reason RefundSheet offers. */
export type RefundReason = (typeof REFUND_REASONS)[number]

/** A refund's reason as the user reads it: the catalogue's text for our ids, else as the server sent it. */
export function reasonText(reason: string, t: Translate): string {
  return (REFUND_REASONS as readonly string[]).includes(reason)
    ? t(`refund.reason.${reason}` as MessageKey)
    : reason
}
