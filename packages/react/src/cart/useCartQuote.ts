import { type CartQuote, type PricingContext, priceCart } from '@tradekit/core'
import { useMemo } from 'react'
import { useCart } from './useCart'

/**
 * The client-side quote of the cart's selected lines (`priceCart` from core): subtotal, coupon
 * discount, fees, payable and savings, recomputed only when the lines or the context change.
 * It is for display; the server's quote is the truth at checkout.
 *
 * @example
 * ```tsx
 * const quote = useCartQuote({ member: user.isMember, coupons })
 * <Price price={quote.payable} />
 * ```
 */
export function useCartQuote(context: PricingContext = {}): CartQuote {
  const lines = useCart((cart) => cart.lines)
  const { currency, member, coupons, couponId, fees, now, rounding } = context
  return useMemo(
    () => priceCart(lines, { currency, member, coupons, couponId, fees, now, rounding }),
    [lines, currency, member, coupons, couponId, fees, now, rounding],
  )
}
