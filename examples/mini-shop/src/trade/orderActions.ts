import Taro from '@tarojs/taro'
import {
  type CartItem,
  continuedOrderOf,
  isNetworkError,
  isTradeKitError,
  type Order,
  orderMessages,
} from '@tradekit/core'
import { useBuyAgain, useCheckout, useTranslate } from '@tradekit/react'
import { useCallback } from 'react'
import { getCatalogueItem } from './api'
import { toProduct } from './catalogue'
import { orderDetailUrl, ROUTES, resultUrl } from './navigation'

/**
 * Today's products of these skus. A sku the server answered it does not have, or a membership plan
 * (bought again from its own page), is left out, so "buy again" reports it as gone; a request that got
 * no answer rejects, so the page says the products could not be read — never that they are gone.
 */
async function todaysProducts(skuIds: readonly string[]): Promise<CartItem[]> {
  const found = await Promise.all(
    skuIds.map((skuId) =>
      getCatalogueItem(skuId).catch((error: unknown) => {
        if (isNetworkError(error) || isTradeKitError(error, 'ABORTED')) throw error
        return null
      }),
    ),
  )
  return found.flatMap((item) => (item && !item.planId ? [toProduct(item)] : []))
}

/**
 * "再次购买" (TradeKit's `useBuyAgain`): the order's lines back in the cart at today's prices, stock
 * and limits; lines that cannot be bought are said, never dropped silently. Then the cart.
 */
export function useBuyAgainToCart(): (order: Order) => Promise<void> {
  const { buyAgain } = useBuyAgain(todaysProducts)
  const { t } = useTranslate(orderMessages)
  return useCallback(
    async (order: Order) => {
      const ended = await buyAgain(order)
      if (ended.status === 'failed') {
        await Taro.showModal({ content: t('order.buyAgain.failed'), showCancel: false })
        return
      }
      if (ended.status !== 'done') return // a second tap while the first runs
      const { items, unavailable } = ended.result
      if (unavailable.length > 0) {
        const said = unavailable.map(({ line, reason }) =>
          t('order.buyAgain.unavailableLine', {
            title: line.title,
            reason: t(`order.buyAgain.reason.${reason}`),
          }),
        )
        await Taro.showModal({
          title: t('order.buyAgain.unavailable', { count: unavailable.length }),
          content: said.join('\n'),
          showCancel: false,
        })
      }
      if (items.length > 0) await Taro.navigateTo({ url: ROUTES.cart })
    },
    [buyAgain, t],
  )
}

/**
 * "继续支付" from a list: the checkout pays the same order with its saved channel state (never a
 * second platform order). Paid: the result page shows what the server says. Failed, or no answer
 * yet: the order's page, whose status line says why or that the payment is being confirmed (a
 * cancel is the user's own; the list stays).
 */
export function useContinuePayment(after?: () => void): (order: Order) => Promise<void> {
  const checkout = useCheckout()
  return useCallback(
    async (order: Order) => {
      const result = await checkout.continuePayment(continuedOrderOf(order))
      after?.()
      if (result.status === 'paid') await Taro.navigateTo({ url: resultUrl(order.orderId) })
      else if (result.status === 'failed' || result.status === 'unknown')
        await Taro.navigateTo({ url: orderDetailUrl(order.orderId) })
    },
    [checkout, after],
  )
}
