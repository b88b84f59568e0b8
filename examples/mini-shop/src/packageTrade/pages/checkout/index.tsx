import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import {
  type Coupon,
  type CreatedOrder,
  isMoving,
  type Money,
  money,
  type OrderRequest,
  type PricingFee,
  priceChangeOf,
  type Quote,
} from '@tradekit/core'
import { useCartActions, useCheckout, useEntitlement } from '@tradekit/react'
import {
  CheckoutBar,
  CheckoutPage,
  ContactForm,
  Empty,
  OrderSummary,
  PaymentStatus,
  PriceChangedNotice,
  Skeleton,
} from '@tradekit/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ShopButton } from '../../../components/ShopButton'
import { ShopPage } from '../../../components/ShopPage'
import { type CatalogueItem, checkoutApi, getCatalogue } from '../../../trade/api'
import { channels, usesSandbox } from '../../../trade/channel'
import { goHome, resultUrl } from '../../../trade/navigation'
import {
  readSandboxSettings,
  SANDBOX_BEHAVIOURS,
  type SandboxBehaviour,
  writeSandboxSettings,
} from '../../../trade/sandboxSettings'

const isH5 = process.env.TARO_ENV === 'h5'
const PHONE = /^1\d{10}$/

/** The merchant server's coupon (满 100 减 20 on goods and services), for the client's quote. */
const COUPONS: readonly Coupon[] = [
  {
    id: 'FULL100MINUS20',
    title: '满 100 减 20',
    kind: 'threshold',
    threshold: money(10000),
    amountOff: money(2000),
  },
]
/**
 * The merchant server's delivery fee, for the client's quote: ¥8 for an order with a parcel, free
 * from ¥99 after the coupon (the server's rule). The server is the judge: where its rule and this
 * one differ, the user sees the server's total before paying.
 */
const FEES: readonly PricingFee[] = [
  { id: 'delivery', label: '运费', amount: money(800), freeFrom: money(9900), kinds: ['physical'] },
]

const showResult = (order: CreatedOrder | undefined) => {
  if (order) void Taro.redirectTo({ url: resultUrl(order.orderId) })
}

/** The checkout: the cart's selected lines (`?from=cart`) or one unit of a sku (`?sku=…`, buy now). */
export default function CheckoutRoute() {
  const { params } = useRouter()
  const checkout = useCheckout()
  // A new checkout page starts a new purchase: the last one's result belongs to its own page.
  const started = useRef(false)
  if (!started.current) {
    started.current = true
    if (checkout.status !== 'idle') checkout.reset()
  }
  const sku = params.sku ? decodeURIComponent(params.sku) : null
  return (
    <ShopPage>
      <SandboxCashierPicker />
      {params.from === 'cart' ? (
        <CartCheckout />
      ) : sku ? (
        <BuyNowCheckout skuId={sku} />
      ) : (
        <Empty title="没有要结算的商品" />
      )}
      <OrderNumber />
    </ShopPage>
  )
}

/** TradeKit's whole checkout page over the cart's selection. */
function CartCheckout() {
  const { active } = useEntitlement()
  const cart = useCartActions()
  return (
    <CheckoutPage
      coupons={COUPONS}
      fees={FEES}
      member={active}
      onBackToCart={() => void Taro.navigateBack()}
      onOrderAgain={() => void Taro.navigateBack()}
      onLeave={goHome}
      onPaid={(order) => {
        cart.removeSelected() // what was bought leaves the cart
        showResult(order)
      }}
    />
  )
}

/** Buy now: one sku, priced by the server; a service asks for the buyer's contact first. */
function BuyNowCheckout({ skuId }: { skuId: string }) {
  const checkout = useCheckout()
  const [item, setItem] = useState<CatalogueItem | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [quote, setQuote] = useState<Quote | null>(null)
  const [contact, setContact] = useState({ name: '', phone: '', note: '' })
  const [touched, setTouched] = useState(false)
  const [submitted, setSubmitted] = useState<Money | null>(null)
  const lines = useMemo(() => [{ skuId, quantity: 1 }], [skuId])

  useEffect(() => {
    getCatalogue().then(
      (items) => {
        const found = items.find((candidate) => candidate.skuId === skuId)
        if (found) setItem(found)
        else setFailed('商品不存在')
      },
      () => setFailed('商品信息加载失败'),
    )
  }, [skuId])

  const needsContact = item?.requiresContact === true
  const contactValid = PHONE.test(contact.phone) && contact.name.trim() !== ''
  // The merchant server prices a service only with the buyer's phone: its quote waits for it.
  const quotePhone = needsContact && PHONE.test(contact.phone) ? contact.phone : null
  const waitsForContact = needsContact && quotePhone === null

  // The server prices the order: its quote is what the user agrees to pay (expectedPayable).
  useEffect(() => {
    if (!item) return
    setQuote(null)
    if (waitsForContact) return
    let current = true
    checkoutApi
      .quote?.({
        lines,
        ...(quotePhone ? { contact: { phone: quotePhone } } : {}),
        expectedPayable: money(0),
      })
      .then(
        (next) => current && setQuote(next),
        () => current && setFailed('价格计算失败，请稍后重试'),
      )
    return () => {
      current = false
    }
  }, [item, lines, waitsForContact, quotePhone])

  const request = (expectedPayable: Money): OrderRequest => ({
    lines,
    ...(needsContact
      ? {
          contact: {
            phone: contact.phone,
            name: contact.name.trim(),
            ...(contact.note.trim() ? { note: contact.note.trim() } : {}),
          },
        }
      : {}),
    channel: channels[0]?.id,
    expectedPayable,
  })

  const submit = (expectedPayable: Money) => {
    if (needsContact && !contactValid) {
      setTouched(true)
      return
    }
    setSubmitted(expectedPayable)
    return checkout.submit(request(expectedPayable))
  }

  const { status, error, order } = checkout
  const busy = isMoving(status)
  const changed = status === 'failed' ? priceChangeOf(error) : null
  const paidOrder = status === 'paid' ? order : undefined
  useEffect(() => showResult(paidOrder), [paidOrder])

  if (failed) return <Empty title={failed} />
  if (!item) return <Skeleton rows={3} />
  return (
    <View>
      {quote ? (
        <OrderSummary
          quote={quote}
          items={[{ lineId: quote.lines[0]?.lineId ?? skuId, title: item.title }]}
        />
      ) : (
        <View className="shop-card">
          <Text className="shop-section__title">{item.title}</Text>
          {waitsForContact ? (
            <Text className="shop-muted">填写手机号后计算应付金额</Text>
          ) : (
            <Skeleton rows={2} />
          )}
        </View>
      )}
      {needsContact ? (
        <View className="shop-card">
          <ContactForm
            value={{ name: contact.name, phone: contact.phone }}
            onChange={(next) =>
              setContact((was) => ({ ...was, name: next.name ?? '', phone: next.phone ?? '' }))
            }
            showErrors={touched}
            requireName
          />
          <View className="shop-field">
            <Text className="shop-muted">咨询事项</Text>
            <Input
              className="shop-input"
              value={contact.note}
              placeholder="简单说说你的问题"
              {...(isH5 ? { 'aria-label': '咨询事项' } : { ariaLabel: '咨询事项' })}
              onInput={(event) => {
                const value = String((event as { detail?: { value?: unknown } }).detail?.value ?? '')
                setContact((was) => ({ ...was, note: value }))
              }}
            />
          </View>
        </View>
      ) : null}
      {changed ? (
        <PriceChangedNotice
          previous={submitted ?? quote?.payable ?? changed.payable}
          next={changed.payable}
          onBack={goHome}
          onAccept={() => {
            if (changed.quote) setQuote(changed.quote)
            return submit(changed.payable)
          }}
        />
      ) : null}
      <PaymentStatus onLeave={goHome} />
      {status !== 'paid' && !changed ? (
        quote ? (
          <CheckoutBar
            payable={quote.payable}
            busy={busy}
            disabledReason={null}
            onSubmit={() => submit(quote.payable)}
          />
        ) : (
          <ShopButton onPress={() => setTouched(true)}>提交订单</ShopButton>
        )
      ) : null}
    </View>
  )
}

/** The order id while it is not settled, so a support request can name it. */
function OrderNumber() {
  const { order, status } = useCheckout()
  if (!order || status === 'paid' || status === 'idle') return null
  return (
    <View className="shop-card">
      <Text className="shop-muted">订单号 {order.orderId}</Text>
    </View>
  )
}

/** What the sandbox cashier does next (only when the app pays through the sandbox). */
function SandboxCashierPicker() {
  const { status } = useCheckout()
  const [behaviour, setBehaviour] = useState<SandboxBehaviour>(
    () => readSandboxSettings().behaviour ?? 'success',
  )
  const busy = isMoving(status)
  if (!usesSandbox) return null
  return (
    <View className="shop-card">
      <Text className="shop-section__title">模拟收银台</Text>
      <Text className="shop-muted">选择收银台这次的表现（只在沙箱中）</Text>
      <View {...(isH5 ? { role: 'radiogroup', 'aria-label': '模拟收银台' } : { ariaRole: 'radiogroup' })}>
        {SANDBOX_BEHAVIOURS.map((option) => {
          const on = behaviour === option.id
          return (
            <View
              key={option.id}
              className={on ? 'shop-choice shop-choice--on' : 'shop-choice'}
              {...(isH5
                ? { role: 'radio', 'aria-checked': on ? 'true' : 'false' }
                : { ariaRole: 'radio', ariaChecked: on ? 'true' : 'false' })}
              onClick={() => {
                if (busy) return
                setBehaviour(option.id)
                writeSandboxSettings({ ...readSandboxSettings(), behaviour: option.id })
              }}
            >
              {option.label}
            </View>
          )
        })}
      </View>
    </View>
  )
}
