import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MembershipSheet, Paywall } from '@tradekit/taro'
import { useState } from 'react'
import { ShopPage } from '../../../components/ShopPage'
import { ROUTES } from '../../../trade/navigation'

const PREVIEW =
  '小程序里的交易，难的从来不是“付钱”那一下，而是付钱前后的一切：价格在下单前变了怎么办？收银台说取消了，钱却已经扣了怎么办？'
const FULL = [
  '答案是：客户端的结果永远只是线索，服务端的订单状态才是事实。下单时带上用户看到的金额，服务端发现价格变了就拒绝并给出新报价；支付后不管收银台怎么说，都要向服务端确认。',
  '一次下单只对应一个幂等键，网络重试用同一个键；应用被杀掉后重新打开，未完成的订单从存储里恢复并继续核对。这样，用户既不会被重复扣款，也不会付了钱却看不到结果。',
]

export default function ArticlePage() {
  const [sheet, setSheet] = useState(false)
  return (
    <ShopPage>
      <View className="shop-card">
        <Text className="shop-section__title">小程序交易的三个真相</Text>
        {/* the entitlement is the server's: Paywall renders the article only once it is active */}
        <Paywall
          preview={<Text className="shop-text">{PREVIEW}</Text>}
          onUnlock={() => setSheet(true)}
          onContactSupport={() => void Taro.showToast({ title: '已为你接通客服', icon: 'none' })}
        >
          <View id="article-full">
            <Text className="shop-text">{PREVIEW}</Text>
            {FULL.map((paragraph) => (
              <View key={paragraph}>
                <Text className="shop-text">{paragraph}</Text>
              </View>
            ))}
          </View>
        </Paywall>
      </View>
      {sheet ? (
        <MembershipSheet
          cancelRoute={ROUTES.article}
          badges={{ 'plan-yearly': '最划算' }}
          onClose={() => setSheet(false)}
          onUnlocked={() => setSheet(false)}
          onContactSupport={() => void Taro.showToast({ title: '已为你接通客服', icon: 'none' })}
        />
      ) : null}
    </ShopPage>
  )
}
