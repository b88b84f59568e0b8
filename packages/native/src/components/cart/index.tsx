import type { CartSnapshot, Money } from '@tradekit/core'
import { CartBar, CartEmpty, CartList } from '@tradekit/taro'
import { useEffect } from 'react'
import { emit, type NativeCommonProps, NativeRoot } from '../../shared/NativeRoot'
import { sharedCart } from '../../shared/sharedCart'

/** Props of `tk-cart` (the fields of its `props` object). */
export interface TkCartProps extends NativeCommonProps {
  /**
   * Show the bar with "select all", the total and "去结算".
   * @default true
   */
  showBar?: boolean
}

/** What `bind:change` receives: the shared cart's summary after every change. */
export interface TkCartChangeDetail {
  readonly count: number
  readonly selectedCount: number
  readonly subtotal: Money
}

/** A line as the events carry it: what an order request names (never a price as truth). */
export interface TkLineRef {
  readonly lineId: string
  readonly skuId: string
  readonly quantity: number
  readonly options?: unknown
}

const summary = (cart: CartSnapshot): TkCartChangeDetail => ({
  count: cart.count,
  selectedCount: cart.selectedCount,
  subtotal: cart.subtotal,
})

function CartEvents({ namespace, scope }: { namespace?: string; scope: NativeCommonProps['$scope'] }) {
  useEffect(() => {
    const cart = sharedCart(namespace)
    let last = ''
    const send = () => {
      const detail = summary(cart.getSnapshot())
      const key = JSON.stringify(detail)
      if (key === last) return
      last = key
      emit(scope, 'change', detail)
    }
    send()
    return cart.subscribe(send)
  }, [namespace, scope])
  return null
}

/**
 * `tk-cart`: the shared cart's lines (select, stepper within min and stock, remove, issues), the
 * unavailable group, and a bar with "select all", the total of the selected lines and "去结算"
 * (`checkout`). Sends `change` with the cart's summary whenever it changes.
 */
export default function TkCart({ showBar = true, locale, namespace, $scope }: TkCartProps) {
  return (
    <NativeRoot locale={locale} namespace={namespace}>
      <CartEvents namespace={namespace} scope={$scope} />
      <CartList empty={<CartEmpty />} />
      {showBar ? (
        <CartBar
          onCheckout={(lines, quote) => {
            const refs: TkLineRef[] = lines.map(({ lineId, skuId, quantity, options }) => ({
              lineId,
              skuId,
              quantity,
              options,
            }))
            emit($scope, 'checkout', { lines: refs, payable: quote.payable })
          }}
        />
      ) : null}
    </NativeRoot>
  )
}
