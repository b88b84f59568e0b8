import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import {
  type Order,
  type OrderLifecycleStatus,
  type OrderRefund,
  orderActions,
  refundableOf,
  remainingMs,
} from '@tradekit/core'
import { useFormatMoney, useOrder } from '@tradekit/react'
import { Empty, Skeleton } from '@tradekit/taro'
import { useEffect, useState } from 'react'
import { ShopButton } from '../../../components/ShopButton'
import { ShopPage } from '../../../components/ShopPage'
import { useBuyAgain } from '../../../trade/orderActions'

const isH5 = process.env.TARO_ENV === 'h5'
const role = (name: string, label?: string, extra: Record<string, string> = {}) =>
  isH5
    ? { role: name, ...(label ? { 'aria-label': label } : {}), ...extra }
    : { ariaRole: name, ...(label ? { ariaLabel: label } : {}) }

const STATUS_TEXT: Record<OrderLifecycleStatus, string> = {
  pending_payment: '待支付',
  paid: '已支付',
  shipped: '已发货',
  delivered: '已送达',
  to_verify: '待使用',
  verified: '已核销',
  completed: '已完成',
  refund_requested: '退款申请中',
  refunding: '退款中',
  refunded: '已退款',
  refund_rejected: '退款未通过',
  cancelled: '已取消',
  closed: '已关闭',
}
const REFUND_TEXT: Record<OrderRefund['status'], string> = {
  refund_requested: '待商家处理',
  refunding: '退款中',
  refunded: '已退款',
  refund_rejected: '未通过',
  withdrawn: '已撤销',
}
const REASONS = ['不想要了', '质量问题', '商品与描述不符', '其他']
// While the merchant has the next move, the page asks again now and then.
const WAITING_ON_MERCHANT = new Set<OrderLifecycleStatus>([
  'refund_requested',
  'refunding',
  'to_verify',
  'paid',
  'shipped',
])

const clock = (ms: number) => {
  const seconds = Math.ceil(ms / 1000)
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
}

/** Re-renders every `ms` while `on` (the countdown, the merchant's answer). */
function useTick(on: boolean, ms: number, onTick?: () => void): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!on) return undefined
    const timer = setInterval(() => {
      setTick((n) => n + 1)
      onTick?.()
    }, ms)
    return () => clearInterval(timer)
  }, [on, ms, onTick])
  return tick
}

/**
 * The order-detail page: the path Douyin's order entry opens (`orderEntrySchema`, parameter `id`).
 * Status, countdown on the server's clock, lines, amounts, verification code, refunds, timeline,
 * and the actions the status allows.
 */
export default function OrderDetailPage() {
  const { params } = useRouter()
  const orderId = decodeURIComponent(params.id ?? params.orderId ?? '')
  const current = useOrder(orderId)
  const { order, detail, action } = current
  const [refunding, setRefunding] = useState(params.refund === '1')
  const shown = useTick(order?.status === 'pending_payment', 1000)
  useTick(order !== undefined && WAITING_ON_MERCHANT.has(order.status), 3000, current.reload)
  useDidShow(() => void current.reload())
  void shown

  if (!order) {
    if (detail?.status === 'error') {
      return (
        <ShopPage>
          <Empty title="订单加载失败" description={detail.error?.message}>
            <ShopButton onPress={() => void current.reload()}>重新加载</ShopButton>
          </Empty>
        </ShopPage>
      )
    }
    return (
      <ShopPage>
        <Skeleton rows={4} />
      </ShopPage>
    )
  }
  return (
    <ShopPage>
      <OrderBody
        order={order}
        running={action?.status === 'running'}
        failed={action?.status === 'failed' ? (action.error?.message ?? '操作未成功') : undefined}
        refunding={refunding}
        setRefunding={setRefunding}
        current={current}
      />
    </ShopPage>
  )
}

function OrderBody({
  order,
  running,
  failed,
  refunding,
  setRefunding,
  current,
}: {
  order: Order
  running: boolean
  failed?: string
  refunding: boolean
  setRefunding: (on: boolean) => void
  current: ReturnType<typeof useOrder>
}) {
  const format = useFormatMoney()
  const buyAgain = useBuyAgain()
  const can = orderActions(order, Date.now())
  const left = remainingMs(order, Date.now())
  const open = order.refunds?.find((refund) => refund.status === 'refund_requested')
  return (
    <View {...role('region', '订单详情')}>
      <View className="shop-card" {...role('region', '订单状态')}>
        <Text className="shop-section__title" id="order-detail-status">
          {left === 0 ? '支付超时' : STATUS_TEXT[order.status]}
        </Text>
        {left !== null && left > 0 ? <Text className="shop-text">剩余支付时间 {clock(left)}</Text> : null}
        {left === 0 ? <Text className="shop-muted">订单已超时关闭，可再次购买</Text> : null}
        <View className="shop-row">
          <Text className="shop-muted">订单号</Text>
          <Text className="shop-muted" id="order-detail-id">
            {order.orderId}
          </Text>
        </View>
      </View>

      {order.verification ? (
        <View className="shop-card" {...role('region', '核销码')}>
          <Text className="shop-section__title">核销码</Text>
          <Text className="shop-text" id="verification-code">
            {order.verification.code}
          </Text>
          <Text className="shop-muted">使用时向商家出示核销码</Text>
        </View>
      ) : null}

      <View className="shop-card" {...role('list', '订单商品')}>
        {order.lines.map((line) => (
          <View key={line.lineId} className="shop-row" {...role('listitem')}>
            <Text className="shop-text">
              {line.title} ×{line.quantity}
            </Text>
            <Text className="shop-text">{format(line.amount)}</Text>
          </View>
        ))}
        {order.fee && order.fee.amount > 0 ? (
          <View className="shop-row">
            <Text className="shop-muted">运费及服务费</Text>
            <Text className="shop-muted">{format(order.fee)}</Text>
          </View>
        ) : null}
        <View className="shop-row">
          <Text className="shop-text">{order.status === 'pending_payment' ? '应付款' : '实付款'}</Text>
          <Text className="shop-text" id="order-detail-amount">
            {format(order.amount)}
          </Text>
        </View>
        {order.refunded.amount > 0 ? (
          <View className="shop-row">
            <Text className="shop-muted">已退款</Text>
            <Text className="shop-muted" id="order-detail-refunded">
              {format(order.refunded)}
            </Text>
          </View>
        ) : null}
      </View>

      {order.refunds && order.refunds.length > 0 ? (
        <View className="shop-card" {...role('list', '退款记录')}>
          <Text className="shop-section__title">退款记录</Text>
          {order.refunds.map((refund) => (
            <View key={refund.refundId} className="shop-row" {...role('listitem')}>
              <Text className="shop-text">
                退款 {format(refund.amount)}（{refund.reason}）
              </Text>
              <Text className="shop-text">{REFUND_TEXT[refund.status]}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {order.timeline && order.timeline.length > 0 ? (
        <View className="shop-card" {...role('list', '订单进度')}>
          {order.timeline.map((step, index) => (
            <View key={`${step.at}-${index}`} className="shop-row" {...role('listitem')}>
              <Text className="shop-muted">{STATUS_TEXT[step.status]}</Text>
              <Text className="shop-muted">
                {new Date(step.at).toLocaleString('zh-CN', { hour12: false })}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {failed ? <Text className="shop-error">{failed}</Text> : null}
      {refunding && can.canRefund ? (
        <RefundForm order={order} current={current} onDone={() => setRefunding(false)} />
      ) : null}

      <View {...role('group', '订单操作')}>
        {can.canPay ? (
          <ShopButton
            disabled={running}
            onPress={() => void current.continuePayment().catch(() => undefined)}
          >
            继续支付
          </ShopButton>
        ) : null}
        {can.canCancel ? (
          <ShopButton secondary disabled={running} onPress={() => void current.cancel()}>
            取消订单
          </ShopButton>
        ) : null}
        {can.canConfirmReceipt ? (
          <ShopButton disabled={running} onPress={() => void current.confirmReceipt()}>
            确认收货
          </ShopButton>
        ) : null}
        {can.canRefund && !refunding ? (
          <ShopButton secondary disabled={running} onPress={() => setRefunding(true)}>
            申请退款
          </ShopButton>
        ) : null}
        {open ? (
          <ShopButton secondary disabled={running} onPress={() => void current.cancelRefund(open.refundId)}>
            撤销退款申请
          </ShopButton>
        ) : null}
        {can.canBuyAgain ? (
          <ShopButton secondary onPress={() => void buyAgain(order)}>
            再次购买
          </ShopButton>
        ) : null}
        <ShopButton secondary onPress={() => void Taro.navigateBack().catch(() => undefined)}>
          返回
        </ShopButton>
      </View>
    </View>
  )
}

/** The refund request: which lines (all that is left of each), a reason, a note. */
function RefundForm({
  order,
  current,
  onDone,
}: {
  order: Order
  current: ReturnType<typeof useOrder>
  onDone: () => void
}) {
  const format = useFormatMoney()
  const open = order.lines.filter((line) => refundableOf(line).amount > 0)
  const [chosen, setChosen] = useState<readonly string[]>(() => open.map((line) => line.lineId))
  const [reason, setReason] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const total = open
    .filter((line) => chosen.includes(line.lineId))
    .reduce((sum, line) => sum + refundableOf(line).amount, 0)
  const submit = async () => {
    if (chosen.length === 0) return setError('请选择要退款的商品')
    if (!reason) return setError('请选择退款原因')
    setError(null)
    const result = await current.requestRefund({
      lines: chosen.map((lineId) => ({ lineId })),
      reason,
      ...(note.trim() ? { note } : {}),
    })
    if (result.ok) onDone()
    else setError(result.error.message)
  }
  return (
    <View className="shop-card" {...role('form', '申请退款')}>
      <Text className="shop-section__title">申请退款</Text>
      <View {...role('group', '退款商品')}>
        {open.map((line) => {
          const on = chosen.includes(line.lineId)
          return (
            <View
              key={line.lineId}
              className={on ? 'shop-choice shop-choice--on' : 'shop-choice'}
              {...role('checkbox', undefined, { 'aria-checked': on ? 'true' : 'false' })}
              onClick={() =>
                setChosen((was) => (on ? was.filter((id) => id !== line.lineId) : [...was, line.lineId]))
              }
            >
              {line.title} {format(refundableOf(line))}
            </View>
          )
        })}
      </View>
      <View {...role('radiogroup', '退款原因')}>
        {REASONS.map((option) => (
          <View
            key={option}
            className={reason === option ? 'shop-choice shop-choice--on' : 'shop-choice'}
            {...role('radio', undefined, { 'aria-checked': reason === option ? 'true' : 'false' })}
            onClick={() => setReason(option)}
          >
            {option}
          </View>
        ))}
      </View>
      <View className="shop-field">
        <Input
          className="shop-input"
          value={note}
          placeholder="补充说明（选填）"
          {...(isH5 ? { 'aria-label': '补充说明' } : { ariaLabel: '补充说明' })}
          onInput={(event) =>
            setNote(String((event as { detail?: { value?: unknown } }).detail?.value ?? ''))
          }
        />
      </View>
      <Text className="shop-text" id="refund-total">
        退款金额 {format({ amount: total, currency: order.amount.currency })}
      </Text>
      {error ? (
        <Text className="shop-error" {...role('alert')}>
          {error}
        </Text>
      ) : null}
      <ShopButton onPress={() => void submit()}>提交退款申请</ShopButton>
      <ShopButton secondary onPress={onDone}>
        暂不退款
      </ShopButton>
    </View>
  )
}
