import { type Order, remainingMs } from '@tradekit/core'
import { useEffect, useState } from 'react'

/**
 * The device time an order is shown at, ticking every second while it counts down to its
 * `expiresAt` (and stopping once the time ran out). The countdown itself is `remainingMs`, which
 * reads the server's clock through `serverNow`/`receivedAt`, so a wrong device clock does not move it.
 */
export function useOrderClock(
  order: Pick<Order, 'status' | 'expiresAt' | 'serverNow' | 'receivedAt'>,
  clock: () => number,
): number {
  const [now, setNow] = useState(clock)
  const ticking = order.status === 'pending_payment' && typeof order.expiresAt === 'number'
  const running = ticking && remainingMs(order, now) !== 0
  useEffect(() => {
    if (!running) return
    setNow(clock())
    const timer = setInterval(() => setNow(clock()), 1000)
    return () => clearInterval(timer)
  }, [running, clock])
  return now
}
