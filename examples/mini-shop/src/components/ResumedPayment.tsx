import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCheckout, useFormatMoney } from '@tradekit/react'
import { resultUrl } from '../trade/navigation'
import { ShopButton } from './ShopButton'

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * A payment the app was interrupted in (killed while confirming, the cashier left open): on launch
 * TradeProvider resumes the pending orders and re-checks them with the server; this tells the user
 * how it ended, and about earlier orders found paid after the user moved on (`latePaid`).
 */
export function ResumedPayment() {
  const { status, order, latePaid, rechecking } = useCheckout()
  const format = useFormatMoney()
  const live = isH5 ? { role: 'status', 'aria-live': 'polite' as const } : { ariaLive: 'polite' }
  const open = (orderId: string) => void Taro.navigateTo({ url: resultUrl(orderId) })
  if ((status === 'idle' || !order) && latePaid.length === 0) return null
  return (
    <View className="shop-notice" {...live}>
      {order && status === 'paid' ? (
        <View>
          <Text className="shop-text">你上次的支付已成功（{format(order.amount)}）</Text>
          <ShopButton secondary onPress={() => open(order.orderId)}>
            查看订单
          </ShopButton>
        </View>
      ) : null}
      {order && (status === 'unknown' || rechecking) ? (
        <Text className="shop-text">正在确认你上次的支付（订单号 {order.orderId}）…</Text>
      ) : null}
      {order && (status === 'cancelled' || status === 'failed' || status === 'expired') && !rechecking ? (
        <Text className="shop-muted">你上次的订单未完成支付</Text>
      ) : null}
      {latePaid.map((late) => (
        <View key={late.orderId}>
          <Text className="shop-text">你之前的一笔订单已支付成功（{format(late.amount)}）</Text>
          <ShopButton secondary onPress={() => open(late.orderId)}>
            查看订单
          </ShopButton>
        </View>
      ))}
    </View>
  )
}
