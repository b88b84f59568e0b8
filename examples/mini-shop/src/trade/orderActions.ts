import Taro from '@tarojs/taro'
import { buyAgainItems, continuedOrderOf, type Order, orderMessages, putBackInCart } from '@tradekit/core'
import { useCart, useCartActions, useCheckout, useTranslate } from '@tradekit/react'
import { useCallback } from 'react'
import { getCatalogueItem } from './api'
import { toProduct } from './catalogue'
import { ROUTES, resultUrl } from './navigation'

/**
 * "再次购买": the order's lines back in the cart at today's prices, stock and limits (read from the
 * server per sku); lines that cannot be bought are said, never dropped silently. Then the cart.
 */
export function useBuyAgain(): (order: Order) => Promise<void> {
  const cart = useCartActions()
  const currency = useCart((snapshot) => snapshot.subtotal.currency)
  const { t } = useTranslate(orderMessages)
  return useCallback(
    async (order: Order) => {
      const skus = [...new Set(order.lines.map((line) => line.skuId))]
      const found = await Promise.all(skus.map((skuId) => getCatalogueItem(skuId).catch(() => null)))
      const current = found.filter((item) => item !== null && !item.planId).map((item) => toProduct(item!))
      // checked as the cart checks them; a line the cart still refuses is reported, never half-added
      const { items, unavailable } = putBackInCart(cart, buyAgainItems(order, current, currency))
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
    [cart, currency, t],
  )
}

/**
 * "继续支付" from a list: the checkout pays the same order with its saved channel state (never a
 * second platform order), then the result page shows what the server says.
 */
export function useContinuePayment(after?: () => void): (order: Order) => Promise<void> {
  const checkout = useCheckout()
  return useCallback(
    async (order: Order) => {
      const result = await checkout.continuePayment(continuedOrderOf(order))
      after?.()
      if (result.status === 'paid') await Taro.navigateTo({ url: resultUrl(order.orderId) })
    },
    [checkout, after],
  )
}
