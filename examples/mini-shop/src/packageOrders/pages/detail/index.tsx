import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import type { OrderLifecycleStatus } from '@tradekit/core'
import { useOrder } from '@tradekit/react'
import { OrderDetail, RefundSheet } from '@tradekit/taro'
import { useEffect, useState } from 'react'
import { ShopPage } from '../../../components/ShopPage'
import { useBuyAgainToCart } from '../../../trade/orderActions'

const isH5 = process.env.TARO_ENV === 'h5'
const region = (label: string) =>
  isH5 ? { role: 'region', 'aria-label': label } : { ariaRole: 'region', ariaLabel: label }

// While the merchant (or the carrier) has the next move, the page asks the server again now and then.
const WAITING: ReadonlySet<OrderLifecycleStatus> = new Set([
  'paid',
  'shipped',
  'to_verify',
  'refund_requested',
  'refunding',
])

/**
 * The order-detail page: the path Douyin's order entry opens (`orderEntrySchema`, parameter `id`).
 * TradeKit's `OrderDetail` (status with the countdown, verification code, lines, amounts, refunds,
 * timeline, actions: continue to pay through the checkout, cancel, confirm receipt, withdraw a
 * refund), `RefundSheet` for 申请退款 (`?refund=1` opens it at once), 再次购买 into the cart.
 */
export default function OrderDetailPage() {
  const { params } = useRouter()
  const orderId = decodeURIComponent(params.id ?? params.orderId ?? '')
  const { order, reload } = useOrder(orderId)
  const [refunding, setRefunding] = useState(params.refund === '1')
  const buyAgain = useBuyAgainToCart()
  useDidShow(() => void reload())
  const waiting = order !== undefined && WAITING.has(order.status)
  useEffect(() => {
    if (!waiting) return undefined
    const timer = setInterval(() => void reload(), 3000)
    return () => clearInterval(timer)
  }, [waiting, reload])

  return (
    <ShopPage>
      <View {...region('订单详情')}>
        <OrderDetail
          orderId={orderId}
          onRefund={() => setRefunding(true)}
          onBuyAgain={(current) => void buyAgain(current)}
        />
        {refunding ? <RefundSheet orderId={orderId} onDone={() => setRefunding(false)} /> : null}
      </View>
    </ShopPage>
  )
}
