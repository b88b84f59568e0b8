import {
  isTradeKitError,
  type PayContext,
  type PaymentChannel,
  type PayOutcome,
  sandboxChannel,
  TradeKitError,
} from '@tradekit/core'
import { merchantRequest } from './merchant'
import { readSandboxSettings, sandboxStep } from './sandboxSettings'

/**
 * What the sandbox cashier saves for an order (`ctx.saveState`): the cashier order it made for it,
 * as Douyin's trading system saves `{ douyinOrderId }` after `tt.requestOrder`.
 */
export interface SandboxCashierState {
  readonly cashierOrderId: string
}

/** The cashier order saved for this order before — on this device, or kept by the server. */
function savedCashierOrder(state: unknown): string | undefined {
  const id = (state as Partial<SandboxCashierState> | null | undefined)?.cashierOrderId
  return typeof id === 'string' && id !== '' ? id : undefined
}

/**
 * Step one, made once per order: the merchant server's sandbox makes its cashier order
 * (`POST /sandbox/cashier-orders`, the user's own pending order only). A cashier that could not be
 * prepared did not open: the same order may be paid again after network trouble, not after a refusal.
 */
async function makeCashierOrder(orderId: string, ctx: PayContext): Promise<string | PayOutcome> {
  try {
    const made = await merchantRequest<{ cashierOrderId?: unknown }>('POST', '/sandbox/cashier-orders', {
      data: { orderId },
      signal: ctx.signal,
    })
    if (typeof made?.cashierOrderId === 'string') return made.cashierOrderId
    return { kind: 'failed', retryable: true, code: 'PAYMENT_FAILED', message: 'No cashier order' }
  } catch (error) {
    if (ctx.signal.aborted) throw new TradeKitError('ABORTED')
    const code = isTradeKitError(error) ? error.code : 'PAYMENT_FAILED'
    return {
      kind: 'failed',
      retryable: code === 'NETWORK' || code === 'TIMEOUT',
      code,
      ...(error instanceof Error ? { message: error.message } : {}),
    }
  }
}

/**
 * The sandbox cashier on every platform, in two steps like Douyin's trading system: the first
 * payment of an order without saved state makes a cashier order on the merchant server and saves
 * `{ cashierOrderId }` (`ctx.saveState`, which the checkout also sends to the server as the order's
 * channel state) before the cashier opens; a later payment with saved state — from this device's
 * pending order, or from the server's `channelState` when "continue to pay" runs on another device —
 * reuses it and makes none. When the cashier "takes the money" it asks the server's sandbox to pay
 * the order (`POST /sandbox/pay`), which sends a payment notification signed like a platform's. What
 * the cashier answers the app is read from the sandbox settings at each payment.
 */
export function sandboxCashier(): PaymentChannel {
  const notify = async (orderId: string) => {
    await merchantRequest('POST', '/sandbox/pay', { data: { orderId } })
  }
  const pay: PaymentChannel['pay'] = async (payment, ctx) => {
    const orderId = (payment as { orderId?: unknown } | null)?.orderId
    // a payload that is not the sandbox's: core's sandbox channel answers INVALID_PAYMENT
    if (typeof orderId !== 'string') return sandboxChannel().pay(payment, ctx)
    if (savedCashierOrder(ctx.state) === undefined) {
      const made = await makeCashierOrder(orderId, ctx)
      if (typeof made !== 'string') return made
      const saved: SandboxCashierState = { cashierOrderId: made }
      await ctx.saveState(saved)
    }
    const behaviour = readSandboxSettings().behaviour
    // "cancelled although the money moved": the notification is on the server before the cashier
    // answers (a failed notification leaves a plain cancel)
    if (behaviour === 'cancel-but-paid') await notify(orderId).catch(() => {})
    return sandboxChannel(sandboxStep(behaviour), { notify }).pay(payment, ctx)
  }
  return { id: 'sandbox', platform: 'sandbox', isAvailable: () => true, pay, sign: pay }
}
