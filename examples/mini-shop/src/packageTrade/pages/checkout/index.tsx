import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import {
  type Coupon,
  type CreatedOrder,
  checkoutMessages,
  isMoving,
  money,
  type PricingFee,
} from '@tradekit/core'
import { useCartActions, useCheckout, useCheckoutForm, useEntitlement, useTranslate } from '@tradekit/react'
import {
  AddressCard,
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
import { ShopPage } from '../../../components/ShopPage'
import { addressPort, useShopAddress } from '../../../trade/addressBook'
import { type CatalogueItem, getCatalogue } from '../../../trade/api'
import { toProduct } from '../../../trade/catalogue'
import { usesSandbox } from '../../../trade/channel'
import { getUsableCoupons } from '../../../trade/coupons'
import { goHome, resultUrl } from '../../../trade/navigation'
import {
  readSandboxSettings,
  SANDBOX_BEHAVIOURS,
  type SandboxBehaviour,
  writeSandboxSettings,
} from '../../../trade/sandboxSettings'

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * The coupon every user of the merchant server holds (满 100 减 20 on goods and services), for the
 * client's quote until the user's own coupons (`GET /coupons?status=available`, with those claimed
 * on a product page) have come.
 */
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
  const quantity = Math.min(Math.max(Math.trunc(Number(params.quantity) || 1), 1), 99)
  return (
    <ShopPage>
      <SandboxCashierPicker />
      {params.from === 'cart' ? (
        <CartCheckout />
      ) : sku ? (
        <BuyNowCheckout skuId={sku} quantity={quantity} />
      ) : (
        <Empty title="没有要结算的商品" />
      )}
      <OrderNumber />
    </ShopPage>
  )
}

/** The user's coupons that can be used now (the shop's own until they have come). */
function useUsableCoupons(): readonly Coupon[] {
  const [coupons, setCoupons] = useState<readonly Coupon[]>(COUPONS)
  useEffect(() => {
    getUsableCoupons().then(setCoupons, () => {}) // offline: the shop's coupon; the server prices anyway
  }, [])
  return coupons
}

/**
 * TradeKit's whole checkout page over the cart's selection; a selection with goods to ship asks for
 * the address (the last one used is filled in; on H5, with no platform picker, the form).
 */
function CartCheckout() {
  const { active } = useEntitlement()
  const cart = useCartActions()
  const remembered = useShopAddress()
  const coupons = useUsableCoupons()
  return (
    <CheckoutPage
      coupons={coupons}
      fees={FEES}
      member={active}
      renderAddress={(field) => (
        <AddressCard
          {...field}
          port={addressPort}
          onChange={(address) => {
            field.onChange(address)
            void remembered.remember(address)
          }}
        />
      )}
      defaultAddress={remembered.address}
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

/**
 * Buy now: a sku (one unit, or `quantity` from a product page), priced like the cart (member price,
 * the delivery fee of a parcel; the server is the judge and a moved price shows as a change to
 * accept). A parcel asks for the shipping address, a service for the buyer's contact: a tap on
 * submit shows what is missing.
 */
function BuyNowCheckout({ skuId, quantity }: { skuId: string; quantity: number }) {
  const { active } = useEntitlement()
  const { t } = useTranslate(checkoutMessages)
  const [item, setItem] = useState<CatalogueItem | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

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

  const lines = useMemo(
    () => (item ? [{ ...toProduct(item), lineId: item.skuId, quantity }] : []),
    [item, quantity],
  )
  const remembered = useShopAddress()
  const form = useCheckoutForm({
    shipping: true,
    defaultAddress: remembered.address,
    lines,
    fees: FEES,
    member: active,
    requireContact: item?.requiresContact === true,
    requireName: true,
    onPaid: showResult,
  })
  const { priceChange, disabledReason } = form

  if (failed) return <Empty title={failed} />
  if (!item) return <Skeleton rows={3} />
  return (
    <View>
      {form.needsAddress ? (
        <AddressCard
          value={form.address}
          onChange={(address) => {
            form.setAddress(address)
            void remembered.remember(address)
          }}
          port={addressPort}
          required
          showErrors={form.showAddressError}
        />
      ) : null}
      <OrderSummary quote={form.quote} items={form.lines} />
      {form.needsContact ? (
        <View className="shop-card">
          <ContactForm
            value={form.contact}
            onChange={form.setContact}
            showErrors={form.showContactErrors}
            requireName
          />
          <View className="shop-field">
            <Text className="shop-muted">咨询事项</Text>
            <Input
              className="shop-input"
              value={form.contact.note ?? ''}
              placeholder="简单说说你的问题"
              {...(isH5 ? { 'aria-label': '咨询事项' } : { ariaLabel: '咨询事项' })}
              onInput={(event) => {
                const note = String((event as { detail?: { value?: unknown } }).detail?.value ?? '')
                form.setContact((was) => ({ ...was, note }))
              }}
            />
          </View>
        </View>
      ) : null}
      {priceChange ? (
        <PriceChangedNotice
          previous={priceChange.previous}
          next={priceChange.next}
          onBack={goHome}
          onAccept={form.acceptPrice}
        />
      ) : null}
      <PaymentStatus onLeave={goHome} />
      {form.checkout.status === 'paid' || priceChange ? null : (
        <CheckoutBar
          payable={form.payable}
          busy={form.busy}
          disabledReason={
            disabledReason && disabledReason !== 'busy' ? t(`checkout.disabled.${disabledReason}`) : null
          }
          onSubmit={form.submit}
          // a tap while the address or contact is missing shows the field's own error
          onBlockedPress={() => void form.submit()}
        />
      )}
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
