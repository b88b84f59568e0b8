import Taro from '@tarojs/taro'
import { buyAgainItems, continuedOrderOf, type Order } from '@tradekit/core'
import { useCartActions, useCheckout } from '@tradekit/react'
import { useCallback } from 'react'
import { getCatalogueItem } from './api'
import { toProduct } from './catalogue'
import { ROUTES, resultUrl } from './navigation'

const BUY_AGAIN_REASONS = {
  sold_out: '已售罄',
  off_shelf: '已下架',
  gone: '已不再销售',
  over_limit: '超出限购',
}

/**
 * "再次购买": the order's lines back in the cart at today's prices, stock and limits (read from the
 * server per sku); lines that cannot be bought are said, never dropped silently. Then the cart.
 */
export function useBuyAgain(): (order: Order) => Promise<void> {
  const cart = useCartActions()
  return useCallback(
    async (order: Order) => {
      const skus = [...new Set(order.lines.map((line) => line.skuId))]
      const found = await Promise.all(skus.map((skuId) => getCatalogueItem(skuId).catch(() => null)))
      const current = found.filter((item) => item !== null && !item.planId).map((item) => toProduct(item!))
      const { items, unavailable } = buyAgainItems(order, current)
      for (const { item, quantity } of items) cart.add(item, quantity)
      if (unavailable.length > 0) {
        const said = unavailable.map(({ line, reason }) => `${line.title}：${BUY_AGAIN_REASONS[reason]}`)
        await Taro.showModal({
          title: `${unavailable.length} 件商品无法再次购买`,
          content: said.join('\n'),
          showCancel: false,
        })
      }
      if (items.length > 0) await Taro.navigateTo({ url: ROUTES.cart })
    },
    [cart],
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
