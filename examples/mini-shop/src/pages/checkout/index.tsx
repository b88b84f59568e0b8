import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Money, OrderLine, OrderRequest, Quote } from '@tradekit/core'
import { useCart, useCartActions, useCheckout, useFormatMoney } from '@tradekit/react'
import { ContactForm, Empty, Price, Skeleton } from '@tradekit/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ShopButton } from '../../components/ShopButton'
import { type CatalogueItem, checkoutApi, getCatalogue } from '../../trade/api'
import { channels, usesSandbox } from '../../trade/channel'
import {
  readSandboxSettings,
  SANDBOX_BEHAVIOURS,
  type SandboxBehaviour,
  writeSandboxSettings,
} from '../../trade/sandboxSettings'

const isH5 = process.env.TARO_ENV === 'h5'
const COUPON = 'FULL100MINUS20'
const PHONE = /^1\d{10}$/

interface Contact {
  name: string
  phone: string
  note: string
}

/** The lines to buy: the cart's selected lines, or one unit of the sku in the page's query. */
function useOrderLines(): { lines: OrderLine[] | null; cartLineIds: readonly string[] } {
  const { params } = useRouter()
  const fromCart = params.from === 'cart'
  const cartReady = useCart((cart) => cart.status === 'ready')
  const selected = useCart((cart) => cart.lines)
  const [lines, setLines] = useState<OrderLine[] | null>(null)
  const [cartLineIds, setCartLineIds] = useState<readonly string[]>([])
  useEffect(() => {
    if (lines !== null) return
    if (!fromCart) {
      if (params.sku) setLines([{ skuId: decodeURIComponent(params.sku), quantity: 1 }])
      return
    }
    // taken once: paying removes them from the cart, and the page must not change under the user
    if (cartReady) {
      const chosen = selected.filter((line) => line.selected)
      setCartLineIds(chosen.map((line) => line.lineId))
      setLines(
        chosen.map((line) => ({
          skuId: line.skuId,
          quantity: line.quantity,
          ...(line.options ? { options: stringOptions(line.options) } : {}),
        })),
      )
    }
  }, [lines, fromCart, params.sku, cartReady, selected])
  return { lines, cartLineIds }
}

/** A cart line's options as the order's (strings only; an unset option is left out). */
function stringOptions(options: Readonly<Record<string, unknown>>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(options))
    if (value !== null && value !== undefined) result[key] = String(value)
  return result
}

function inputValue(event: unknown): string {
  return String((event as { detail?: { value?: unknown } }).detail?.value ?? '')
}

export default function CheckoutPage() {
  const { lines, cartLineIds } = useOrderLines()
  const cart = useCartActions()
  const checkout = useCheckout()
  const format = useFormatMoney()
  const [catalogue, setCatalogue] = useState<Map<string, CatalogueItem> | null>(null)
  const [quote, setQuote] = useState<Quote | null>(null)
  const [quoteError, setQuoteError] = useState<string | null>(null)
  const [coupon, setCoupon] = useState(false)
  const [contact, setContact] = useState<Contact>({ name: '', phone: '', note: '' })
  const [contactTouched, setContactTouched] = useState(false)
  const [behaviour, setBehaviour] = useState<SandboxBehaviour>(
    () => readSandboxSettings().behaviour ?? 'success',
  )

  // A new checkout page starts a new purchase: the last one's result belongs to its own page.
  const started = useRef(false)
  if (!started.current) {
    started.current = true
    if (checkout.status !== 'idle') checkout.reset()
  }

  useEffect(() => {
    getCatalogue().then(
      (items) => setCatalogue(new Map(items.map((item) => [item.skuId, item]))),
      () => setQuoteError('商品信息加载失败'),
    )
  }, [])

  const needsContact = useMemo(
    () => (lines ?? []).some((line) => catalogue?.get(line.skuId)?.requiresContact === true),
    [lines, catalogue],
  )
  const phoneValid = PHONE.test(contact.phone)

  // The server prices the order: its quote is what the user agrees to pay (expectedPayable). The
  // merchant server prices a service only with the buyer's phone, so a service waits for it.
  const quotePhone = needsContact && phoneValid ? contact.phone : null
  const waitsForPhone = needsContact && quotePhone === null
  useEffect(() => {
    if (!lines || lines.length === 0 || catalogue === null) return
    setQuote(null)
    setQuoteError(null)
    if (waitsForPhone) return
    let current = true
    checkoutApi
      .quote?.({
        lines,
        ...(coupon ? { coupon: COUPON } : {}),
        ...(quotePhone ? { contact: { phone: quotePhone } } : {}),
        expectedPayable: { amount: 0, currency: 'CNY' },
      })
      .then(
        (next) => current && setQuote(next),
        () => current && setQuoteError('价格计算失败，请稍后重试'),
      )
    return () => {
      current = false
    }
  }, [lines, coupon, catalogue, waitsForPhone, quotePhone])

  const request = (expectedPayable: Money): OrderRequest => ({
    lines: lines ?? [],
    ...(coupon ? { coupon: COUPON } : {}),
    ...(needsContact
      ? {
          contact: {
            phone: contact.phone,
            ...(contact.name ? { name: contact.name } : {}),
            ...(contact.note ? { note: contact.note } : {}),
          },
        }
      : {}),
    channel: channels[0]?.id,
    expectedPayable,
  })

  const { status, order, error } = checkout
  const moving = status === 'creating' || status === 'paying' || status === 'confirming'
  const priceChanged = status === 'failed' && error?.code === 'PRICE_CHANGED' ? (error.quote as Quote) : null

  // Paid: what was bought leaves the cart, and the result page shows the server's order.
  const paidOrderId = status === 'paid' ? order?.orderId : undefined
  useEffect(() => {
    if (!paidOrderId) return
    for (const lineId of cartLineIds) {
      try {
        cart.remove(lineId)
      } catch {
        // already removed (by the user, or on another page)
      }
    }
    void Taro.redirectTo({ url: `/pages/result/index?orderId=${encodeURIComponent(paidOrderId)}` })
  }, [paidOrderId, cartLineIds, cart])

  const pay = () => {
    if (needsContact && (!phoneValid || contact.name.trim() === '')) {
      setContactTouched(true)
      return
    }
    if (!quote || moving) return
    void checkout.submit(request(quote.payable))
  }

  const acceptNewPrice = () => {
    if (!priceChanged) return
    setQuote(priceChanged)
    void checkout.submit(request(priceChanged.payable))
  }

  const chooseBehaviour = (next: SandboxBehaviour) => {
    setBehaviour(next)
    writeSandboxSettings({ ...readSandboxSettings(), behaviour: next })
  }

  if (lines !== null && lines.length === 0) {
    return (
      <View className="shop-page">
        <Empty title="没有要结算的商品" />
      </View>
    )
  }

  return (
    <View className="shop-page">
      <View className="shop-card">
        <Text className="shop-section__title">订单信息</Text>
        {waitsForPhone ? <Text className="shop-muted">填写手机号后计算应付金额</Text> : null}
        {!quote && !quoteError && !waitsForPhone ? <Skeleton rows={3} /> : null}
        {quoteError ? <Text className="shop-error">{quoteError}</Text> : null}
        {quote?.lines.map((line) => (
          <View key={line.lineId} className="shop-row">
            <Text className="shop-text">
              {catalogue?.get(line.skuId)?.title ?? line.skuId} ×{line.quantity}
            </Text>
            <Price price={line.lineTotal} size="sm" />
          </View>
        ))}
        {quote ? (
          <View>
            <View className="shop-row">
              <Text className="shop-muted">商品金额</Text>
              <Text className="shop-muted">{format(quote.subtotal)}</Text>
            </View>
            {quote.discount.amount > 0 ? (
              <View className="shop-row">
                <Text className="shop-muted">优惠</Text>
                <Text className="shop-muted">-{format(quote.discount)}</Text>
              </View>
            ) : null}
            {quote.fees.amount > 0 ? (
              <View className="shop-row">
                <Text className="shop-muted">运费</Text>
                <Text className="shop-muted">{format(quote.fees)}</Text>
              </View>
            ) : null}
            <View className="shop-row">
              <Text className="shop-text">应付</Text>
              <Text className="shop-text" id="payable">
                {format(quote.payable)}
              </Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className="shop-card">
        <View
          className={coupon ? 'shop-choice shop-choice--on' : 'shop-choice'}
          {...(isH5
            ? { role: 'checkbox', 'aria-checked': coupon ? 'true' : 'false' }
            : { ariaRole: 'checkbox', ariaChecked: coupon ? 'true' : 'false' })}
          onClick={() => !moving && setCoupon((on) => !on)}
        >
          满 100 减 20 优惠券
        </View>
      </View>

      {needsContact ? (
        <View className="shop-card">
          <ContactForm
            value={{ name: contact.name, phone: contact.phone }}
            onChange={(next) => setContact((c) => ({ ...c, name: next.name ?? '', phone: next.phone ?? '' }))}
            showErrors={contactTouched}
            requireName
          />
          <View className="shop-field">
            <Text className="shop-muted">咨询事项</Text>
            <Input
              className="shop-input"
              value={contact.note}
              placeholder="简单说说你的问题"
              {...(isH5 ? { 'aria-label': '咨询事项' } : { ariaLabel: '咨询事项' })}
              onInput={(event) => setContact((c) => ({ ...c, note: inputValue(event) }))}
            />
          </View>
        </View>
      ) : null}

      {usesSandbox ? (
        <View className="shop-card">
          <Text className="shop-section__title">模拟收银台</Text>
          <Text className="shop-muted">选择收银台这次的表现（只在沙箱中）</Text>
          <View>
            {SANDBOX_BEHAVIOURS.map((option) => (
              <View
                key={option.id}
                className={behaviour === option.id ? 'shop-choice shop-choice--on' : 'shop-choice'}
                {...(isH5
                  ? { role: 'radio', 'aria-checked': behaviour === option.id ? 'true' : 'false' }
                  : { ariaRole: 'radio', ariaChecked: behaviour === option.id ? 'true' : 'false' })}
                onClick={() => !moving && chooseBehaviour(option.id)}
              >
                {option.label}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <CheckoutStatus
        priceChanged={priceChanged}
        previous={quote}
        onAccept={acceptNewPrice}
        format={format}
        checkout={checkout}
      />

      {status === 'idle' || (status === 'failed' && !priceChanged && !checkout.retryMode) ? (
        <ShopButton
          disabled={(!quote && !waitsForPhone) || moving}
          label={quote ? `提交订单，应付 ${format(quote.payable)}` : '提交订单'}
          onPress={pay}
        >
          提交订单 {quote ? format(quote.payable) : ''}
        </ShopButton>
      ) : null}
    </View>
  )
}

interface CheckoutStatusProps {
  checkout: ReturnType<typeof useCheckout>
  priceChanged: Quote | null
  previous: Quote | null
  onAccept: () => void
  format: (money: Money) => string
}

/** What the payment is doing, and what the user can do about it. */
function CheckoutStatus({ checkout, priceChanged, previous, onAccept, format }: CheckoutStatusProps) {
  const { status, order, error, confirm, retryMode, rechecking } = checkout
  const live = isH5 ? { role: 'status', 'aria-live': 'polite' as const } : { ariaLive: 'polite' }
  if (status === 'idle') return null
  return (
    <View className="shop-notice" {...live}>
      {status === 'creating' ? <Text className="shop-text">正在创建订单…</Text> : null}
      {status === 'paying' ? <Text className="shop-text">等待收银台支付…</Text> : null}
      {status === 'confirming' ? (
        <Text className="shop-text">
          正在确认支付…
          {confirm ? ` ${Math.min(99, Math.round((100 * confirm.elapsedMs) / confirm.budgetMs))}%` : ''}
        </Text>
      ) : null}
      {status === 'paid' ? <Text className="shop-text">支付成功</Text> : null}
      {priceChanged ? (
        <View>
          <Text className="shop-text">
            价格有变动：应付金额由 {previous ? format(previous.payable) : '—'} 变为{' '}
            {format(priceChanged.payable)}
          </Text>
          <ShopButton onPress={onAccept}>按新价格 {format(priceChanged.payable)} 支付</ShopButton>
        </View>
      ) : null}
      {status === 'failed' && !priceChanged ? (
        <Text className="shop-text">支付失败：{error?.message ?? error?.code ?? '未知错误'}</Text>
      ) : null}
      {status === 'cancelled' ? <Text className="shop-text">支付已取消</Text> : null}
      {status === 'expired' ? <Text className="shop-text">订单已过期，请重新下单</Text> : null}
      {status === 'unknown' ? (
        <Text className="shop-text">我们正在确认你的支付，可以先离开本页，结果出来后会更新</Text>
      ) : null}
      {rechecking ? <Text className="shop-muted">正在向商家核对支付结果…</Text> : null}
      {order && status !== 'paid' ? <Text className="shop-muted">订单号 {order.orderId}</Text> : null}
      {(status === 'cancelled' || status === 'failed' || status === 'expired') &&
      retryMode &&
      !priceChanged ? (
        <ShopButton onPress={() => void checkout.retry()}>
          {retryMode === 'same-order' ? '重新支付' : '重新下单'}
        </ShopButton>
      ) : null}
    </View>
  )
}
