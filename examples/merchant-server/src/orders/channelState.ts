import type { Database } from '../db/database.ts'
import { ApiError, invalidArgument } from '../http/ApiError.ts'
import { readObject, readOpaqueJson, readString } from '../http/validate.ts'
import { ownOrder } from './orderLifecycle.ts'
import { findOrder, type OrderRow } from './orderRecords.ts'

/** The largest `state` kept, in bytes of its JSON (UTF-8). */
export const MAX_CHANNEL_STATE_BYTES = 2048

/** What `PUT /orders/:orderId/channel-state` carries (TradeKit's `saveChannelState`). */
export interface ChannelStateInput {
  /** The channel that saved it: must be the order's own. */
  readonly channel: string
  /** What the channel saved, e.g. Douyin trade's `{ douyinOrderId }`; any JSON but null. */
  readonly state: unknown
}

/**
 * Reads the body of `PUT /orders/:orderId/channel-state`: `{ channel, state }`, `state` any JSON
 * value but null, at most {@link MAX_CHANNEL_STATE_BYTES} bytes serialised (and, like every opaque
 * value this server keeps, at most 6 levels deep and free of NUL and broken surrogates).
 */
export function readChannelStateInput(body: unknown): ChannelStateInput {
  const input = readObject(body, 'body')
  const channel = readString(input.channel, 'channel', 64)
  if (input.state === undefined || input.state === null) {
    throw invalidArgument('state', 'state must be the JSON the channel saved (not null)')
  }
  // bytes first (a character is at least one byte), then depth and characters
  const bytes = Buffer.byteLength(JSON.stringify(input.state), 'utf8')
  if (bytes > MAX_CHANNEL_STATE_BYTES) {
    throw new ApiError(
      400,
      'INVALID_ARGUMENT',
      `state must be at most ${MAX_CHANNEL_STATE_BYTES} bytes of JSON`,
      {
        field: 'state',
        reason: 'state_too_large',
        bytes,
      },
    )
  }
  const state = readOpaqueJson(input.state, 'state', MAX_CHANNEL_STATE_BYTES)
  return { channel, state }
}

/** True while the order waits for payment: the only time its channel state is kept or shown. */
export const isUnpaid = (row: Pick<OrderRow, 'status' | 'lifecycle'>) =>
  row.status === 'pending' && row.lifecycle === 'pending_payment'

/**
 * Keeps what the order's payment channel saved with the user's own unpaid order, so "continue to
 * pay" on another device reuses the platform order (the order centre sends it back as
 * `channelState`). Last write wins: each call replaces what was kept. A paid, closed or expired
 * order keeps nothing (409), another channel's state is refused (400); the row is locked, so a
 * payment notification and this write never interleave.
 */
export async function saveChannelState(
  db: Database,
  query: { readonly userId: string; readonly orderId: string; readonly input: ChannelStateInput },
  now: number,
): Promise<void> {
  const { userId, orderId, input } = query
  await db.transaction(async (tx) => {
    const row = ownOrder(await findOrder(tx, orderId, { lock: true }), userId, orderId)
    // an order past its expiry that the sweep has not closed yet is expired all the same
    const expired =
      (row.status === 'pending' && row.expires_at <= now) ||
      (row.status === 'closed' && row.close_reason === 'expired')
    if (expired) {
      throw new ApiError(409, 'ORDER_EXPIRED', 'The order expired before it was paid', {
        reason: 'not_pending',
        orderId,
        status: 'closed',
      })
    }
    if (!isUnpaid(row)) {
      throw new ApiError(
        409,
        'ORDER_REJECTED',
        `The order is ${row.lifecycle}: there is no payment to continue`,
        {
          reason: 'not_pending',
          orderId,
          status: row.lifecycle,
        },
      )
    }
    if (input.channel !== row.channel) {
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `The order pays through ${row.channel}, not ${input.channel}`,
        {
          field: 'channel',
          reason: 'channel_mismatch',
          channel: row.channel,
        },
      )
    }
    await tx.query('UPDATE orders SET channel_state = $2::jsonb WHERE id = $1', [
      orderId,
      JSON.stringify(input.state),
    ])
  })
}
