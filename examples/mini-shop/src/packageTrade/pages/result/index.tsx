import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCheckout, useFormatMoney } from '@tradekit/react'
import { Skeleton } from '@tradekit/taro'
import { useEffect, useState } from 'react'
import { ShopButton } from '../../../components/ShopButton'
import { ShopPage } from '../../../components/ShopPage'
import { getOrder, type OrderView } from '../../../trade/api'
import { ROUTES } from '../../../trade/navigation'

const STATUS_TEXT: Record<OrderView['status'], string> = {
  pending: '等待支付',
  paid: '支付成功',
  closed: '订单已关闭',
  failed: '支付失败',
  refunded: '已退款',
}

/** The order as the merchant server sees it: the only truth about whether money moved. */
export default function ResultPage() {
  const { params } = useRouter()
  const orderId = params.orderId ? decodeURIComponent(params.orderId) : ''
  const format = useFormatMoney()
  const [order, setOrder] = useState<OrderView | null>(null)
  const [failed, setFailed] = useState(false)
  const checkout = useCheckout()

  // The purchase is over and shown here from the server: the checkout starts afresh.
  useEffect(() => {
    if (checkout.status === 'paid' && checkout.order?.orderId === orderId) checkout.reset()
  }, [checkout, orderId])

  useEffect(() => {
    if (!orderId) return
    getOrder(orderId).then(setOrder, () => setFailed(true))
  }, [orderId])

  const membership = order?.quote.lines.some((line) => line.skuId.startsWith('plan-')) ?? false

  return (
    <ShopPage>
      <View className="shop-card">
        {!order && !failed ? <Skeleton rows={2} /> : null}
        {failed ? <Text className="shop-error">订单加载失败</Text> : null}
        {order ? (
          <View>
            <Text className="shop-section__title" id="order-status">
              {STATUS_TEXT[order.status]}
            </Text>
            <View className="shop-row">
              <Text className="shop-muted">订单号</Text>
              <Text className="shop-muted" id="order-id">
                {order.orderId}
              </Text>
            </View>
            <View className="shop-row">
              <Text className="shop-muted">实付</Text>
              <Text className="shop-text" id="order-amount">
                {format(order.amount)}
              </Text>
            </View>
          </View>
        ) : null}
      </View>
      {membership ? (
        <ShopButton onPress={() => void Taro.redirectTo({ url: ROUTES.article })}>阅读会员文章</ShopButton>
      ) : null}
      <ShopButton secondary onPress={() => void Taro.reLaunch({ url: ROUTES.home })}>
        继续逛逛
      </ShopButton>
    </ShopPage>
  )
}
