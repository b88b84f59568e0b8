import { type CheckoutStatus, money } from '@tradekit/core'
import { useCheckout } from '@tradekit/react'

/**
 * A button that submits one unit of `skuId` for `amount` (minor units) through the provider's
 * checkout; its name is `name(status)` ("pay" by default).
 */
export function PayButton({
  skuId,
  amount,
  name = () => 'pay',
}: {
  skuId: string
  amount: number
  name?: (status: CheckoutStatus) => string
}) {
  const checkout = useCheckout()
  return (
    <button
      type="button"
      onClick={() =>
        void checkout.submit({ lines: [{ skuId, quantity: 1 }], expectedPayable: money(amount) })
      }
    >
      {name(checkout.status)}
    </button>
  )
}
