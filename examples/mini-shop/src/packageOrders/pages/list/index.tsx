import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { ORDER_TAB_NAMES, type Order, type OrderTab } from '@tradekit/core'
import { useOrders } from '@tradekit/react'
import { OrderList } from '@tradekit/taro'
import { useCallback, useRef, useState } from 'react'
import { ShopPage } from '../../../components/ShopPage'
import { usePagePullDownRefresh } from '../../../components/usePagePullDownRefresh'
import { orderDetailUrl } from '../../../trade/navigation'
import { useBuyAgainToCart, useContinuePayment } from '../../../trade/orderActions'

const tabOf = (value: string | undefined): OrderTab =>
  (ORDER_TAB_NAMES as readonly string[]).includes(value ?? '') ? (value as OrderTab) : 'all'

/**
 * "我的订单": TradeKit's OrderList over the merchant server's order centre. 取消订单 and 确认收货 run
 * on the order centre; 继续支付 pays the same order through the checkout; 申请退款 and 查看详情 open
 * the detail page; 再次购买 fills the cart. Pull to refresh: OrderList's own in mini-programs, the
 * page's on H5.
 */
export default function OrdersPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<OrderTab>(() => tabOf(params.tab))
  const list = useOrders(tab)
  // back from a detail page or the checkout: what changed there shows here
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.refresh()
    shown.current = true
  })
  // H5 only (the page config enables it there): a pull on the page reloads the tab
  usePagePullDownRefresh(list.refresh)
  const refresh = useCallback(() => void list.refresh(), [list])
  const pay = useContinuePayment(refresh)
  const buyAgain = useBuyAgainToCart()
  const open = (order: Order, refund = false) =>
    void Taro.navigateTo({ url: orderDetailUrl(order.orderId, { refund }) })

  return (
    <ShopPage>
      <OrderList
        tab={tab}
        onTabChange={setTab}
        onDetail={(order) => open(order)}
        onRefund={(order) => open(order, true)}
        onPay={(order) => void pay(order).catch(() => undefined)}
        onBuyAgain={(order) => void buyAgain(order)}
      />
    </ShopPage>
  )
}
