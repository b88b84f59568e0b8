import { type PaymentChannel, type PurchaseContext, payableChannels } from '@tradekit/core'
import { useContext, useMemo } from 'react'
import { TradeContext } from '../provider/TradeContext'

const NONE: readonly PaymentChannel[] = []

/**
 * The provider's cashiers that can take a purchase of this kind here: present on this platform
 * (`isAvailable()`) and answering `'pay'` to `supports()` for the provider's OS. Outside a provider
 * it is empty.
 *
 * @example
 * ```tsx
 * const channels = usePaymentChannels('physical')
 * channels.map((channel) => <Radio key={channel.id} value={channel.id} />)
 * ```
 */
export function usePaymentChannels(kind: PurchaseContext['kind'] = 'physical'): readonly PaymentChannel[] {
  const context = useContext(TradeContext)
  const channels = context?.channels ?? NONE
  const os = context?.os ?? 'other'
  return useMemo(() => payableChannels(channels, { kind, os }), [channels, kind, os])
}
