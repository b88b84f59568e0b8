import { Text, View } from '@tarojs/components'
import { formatPlanPrice, formatPricePerDay, type UnlockResult } from '@tradekit/core'
import { useCheckout, useEntitlement, useMembership } from '@tradekit/react'
import { Skeleton } from '@tradekit/taro'
import { useState } from 'react'
import { ShopButton } from '../../components/ShopButton'

const isH5 = process.env.TARO_ENV === 'h5'

const PREVIEW =
  '小程序里的交易，难的从来不是“付钱”那一下，而是付钱前后的一切：价格在下单前变了怎么办？收银台说取消了，钱却已经扣了怎么办？'
const FULL = [
  '答案是：客户端的结果永远只是线索，服务端的订单状态才是事实。下单时带上用户看到的金额，服务端发现价格变了就拒绝并给出新报价；支付后不管收银台怎么说，都要向服务端确认。',
  '一次下单只对应一个幂等键，网络重试用同一个键；应用被杀掉后重新打开，未完成的订单从存储里恢复并继续核对。这样，用户既不会被重复扣款，也不会付了钱却看不到结果。',
]

export default function ArticlePage() {
  const { active, loading } = useEntitlement()
  return (
    <View className="shop-page">
      <View className="shop-card">
        <Text className="shop-section__title">小程序交易的三个真相</Text>
        <Text className="shop-text">{PREVIEW}</Text>
        {loading ? <Skeleton rows={3} /> : null}
        {active ? (
          <View id="article-full">
            <Text className="shop-muted">会员专享</Text>
            {FULL.map((paragraph) => (
              <View key={paragraph}>
                <Text className="shop-text">{paragraph}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {!loading && !active ? <Unlock /> : null}
    </View>
  )
}

/** The paywall: choose a plan, agree to auto-renewal where it applies, pay. */
function Unlock() {
  const { plans, unlock, unlocking, canAutoRenew } = useMembership()
  const checkout = useCheckout()
  const offered = plans.filter((plan) => !plan.autoRenew || canAutoRenew())
  const [planId, setPlanId] = useState<string | null>(null)
  const [consent, setConsent] = useState(false)
  const [result, setResult] = useState<UnlockResult | null>(null)
  const chosen = offered.find((plan) => plan.id === planId) ?? offered[0]

  const buy = async () => {
    if (!chosen || unlocking) return
    if (checkout.status !== 'idle' && !['creating', 'paying', 'confirming'].includes(checkout.status)) {
      checkout.reset()
    }
    setResult(null)
    setResult(await unlock(chosen.id, { consent }))
  }

  return (
    <View className="shop-card">
      <Text className="shop-section__title">开通会员，阅读全文</Text>
      {offered.length === 0 ? <Skeleton rows={2} /> : null}
      {offered.map((plan) => {
        const on = plan.id === chosen?.id
        return (
          <View
            key={plan.id}
            className={on ? 'shop-choice shop-choice--on' : 'shop-choice'}
            {...(isH5
              ? { role: 'radio', 'aria-checked': on ? 'true' : 'false' }
              : { ariaRole: 'radio', ariaChecked: on ? 'true' : 'false' })}
            onClick={() => !unlocking && setPlanId(plan.id)}
          >
            {plan.title} {formatPlanPrice(plan.price, plan.period)}
            {plan.period ? `（${formatPricePerDay(plan.price, plan.period)}）` : ''}
          </View>
        )
      })}
      {chosen?.autoRenew ? (
        <View
          className={consent ? 'shop-choice shop-choice--on' : 'shop-choice'}
          {...(isH5
            ? { role: 'checkbox', 'aria-checked': consent ? 'true' : 'false' }
            : { ariaRole: 'checkbox', ariaChecked: consent ? 'true' : 'false' })}
          onClick={() => setConsent((on) => !on)}
        >
          我已阅读并同意自动续费协议，到期按 {formatPlanPrice(chosen.price, chosen.period)}{' '}
          自动续费，可随时取消
        </View>
      ) : null}
      {unlocking ? <Text className="shop-text">正在开通…</Text> : null}
      {result?.status === 'pending' ? (
        <Text className="shop-text">支付已提交，会员生效后自动解锁</Text>
      ) : null}
      {result?.status === 'failed' ? (
        <Text className="shop-error">
          开通失败：
          {result.error?.code === 'CONSENT_REQUIRED'
            ? '请先阅读并同意自动续费协议'
            : (result.error?.message ?? result.checkout?.status ?? '请重试')}
        </Text>
      ) : null}
      <ShopButton disabled={!chosen || unlocking !== null} onPress={() => void buy()}>
        {chosen ? `立即开通 ${formatPlanPrice(chosen.price, chosen.period)}` : '立即开通'}
      </ShopButton>
    </View>
  )
}
