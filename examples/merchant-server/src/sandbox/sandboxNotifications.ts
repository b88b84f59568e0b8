import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { DEFAULT_WINDOW_MS, memoryNonceStore, type NonceStore } from '@tradekit/server'
import { ApiError } from '../http/ApiError.ts'
import type { PaymentOutcome } from '../orders/orderLifecycle.ts'

/** A sandbox payment notification: what a platform's callback says, signed like one. */
export interface SandboxNotification {
  readonly orderId: string
  readonly outcome: PaymentOutcome
}

/** A signed notification as it travels: headers and the exact body. */
export interface SignedNotification {
  readonly headers: Record<string, string>
  readonly body: string
}

/**
 * The sandbox cashier's signing key, made when the server starts and known only to the server's
 * own cashier: a notification is accepted when it carries `Sandbox-Timestamp`, `Sandbox-Nonce` and
 * `Sandbox-Signature` (HMAC-SHA256 of "timestamp\nnonce\nbody\n", the three lines Douyin and WeChat
 * Pay sign), its timestamp is within five minutes and its nonce is new — the rules of a real
 * platform callback. `POST /sandbox/notify {orderId, outcome}` without them changes nothing.
 */
export function createSandboxNotifications(options: {
  readonly now: () => number
  readonly nonceStore?: NonceStore
}) {
  const key = randomBytes(32)
  const nonceStore = options.nonceStore ?? memoryNonceStore({ now: options.now })
  const mac = (timestamp: string, nonce: string, body: string) =>
    createHmac('sha256', key).update(`${timestamp}\n${nonce}\n${body}\n`).digest()
  const refuse = (reason: string, message: string) =>
    new ApiError(401, 'INVALID_ARGUMENT', message, { reason })

  return {
    /** Signs a notification as the sandbox cashier sends it. */
    sign(notification: SandboxNotification): SignedNotification {
      const body = JSON.stringify({ orderId: notification.orderId, outcome: notification.outcome })
      const timestamp = String(Math.floor(options.now() / 1000))
      const nonce = randomBytes(16).toString('hex')
      return {
        headers: {
          'content-type': 'application/json',
          'sandbox-timestamp': timestamp,
          'sandbox-nonce': nonce,
          'sandbox-signature': mac(timestamp, nonce, body).toString('base64'),
        },
        body,
      }
    },

    /** The body of a genuine, fresh, first-seen notification; a 401 for anything else. */
    async verify(header: (name: string) => string | undefined, body: string): Promise<unknown> {
      const timestamp = header('sandbox-timestamp')
      const nonce = header('sandbox-nonce')
      const signature = header('sandbox-signature')
      if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || nonce.length > 128) {
        throw refuse('signature_required', 'A sandbox notification is signed by the sandbox cashier')
      }
      const given = Buffer.from(signature, 'base64')
      const expected = mac(timestamp, nonce, body)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw refuse('bad_signature', 'The notification signature does not match')
      }
      if (Math.abs(options.now() - Number(timestamp) * 1000) > DEFAULT_WINDOW_MS) {
        throw refuse('stale_timestamp', 'The notification is too old')
      }
      if (!(await nonceStore.remember(`sandbox:${nonce}`, DEFAULT_WINDOW_MS * 2))) {
        throw refuse('replayed', 'The notification was already received')
      }
      try {
        return JSON.parse(body) as unknown
      } catch {
        throw new ApiError(400, 'INVALID_ARGUMENT', 'The body is not valid JSON', {
          reason: 'malformed_json',
        })
      }
    },
  }
}

export type SandboxNotifications = ReturnType<typeof createSandboxNotifications>
