import { Text, View } from '@tarojs/components'
import {
  type CartSnapshot,
  type Coupon,
  type CreatedOrder,
  checkoutMessages,
  isMoving,
  type Money,
  membershipMessages,
  type OrderContact,
  type OrderRequest,
  orderLinesOf,
  type PricingFee,
  priceChangeOf,
  purchaseKindOf,
  type Quote,
  validateContact,
} from '@tradekit/core'
import {
  useCart,
  useCartQuote,
  useCheckout,
  usePaymentChannels,
  usePurchaseMode,
  useTranslate,
} from '@tradekit/react'
import { useEffect, useRef, useState } from 'react'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import { CheckoutBar } from './CheckoutBar'
import './CheckoutPage.css'
import { ContactForm, type PhoneNumberDetail } from './ContactForm'
import { CouponPicker } from './CouponPicker'
import { OrderSummary } from './OrderSummary'
import { PaymentMethodPicker } from './PaymentMethodPicker'
import { PaymentStatus } from './PaymentStatus'
import { PriceChangedNotice } from './PriceChangedNotice'

/** Props of {@link CheckoutPage}. */
export interface CheckoutPageProps {
  /** The coupons the user holds; the best applicable one is preselected. @default [] */
  coupons?: readonly Coupon[]
  /** Fees of the order (delivery, service). @default [] */
  fees?: readonly PricingFee[]
  /** Apply member prices. @default false */
  member?: boolean
  /** Ask for contact details. @default true when a selected line is a service */
  requireContact?: boolean
  /** Ask for a name with the phone. @default false */
  requireName?: boolean
  /** Offer the platform's phone-number button (see `ContactForm`). @default false */
  phoneNumberButton?: boolean
  /** The platform's phone-number detail, for the team's backend to decrypt. */
  onPhoneNumber?: (detail: PhoneNumberDetail, setPhone: (phone: string) => void) => void
  /** Names of payment channels by id. */
  channelLabels?: Readonly<Record<string, string>>
  /** Sent with the order as `meta`. */
  meta?: Readonly<Record<string, unknown>>
  /** "Back to the cart" of a price change. */
  onBackToCart?: () => void
  /** "Order again" of an expired order. */
  onOrderAgain?: () => void
  /** "Leave this page" while the result is unknown. */
  onLeave?: () => void
  /** "Done" after the payment. */
  onDone?: () => void
  /** Called once when the server confirms the payment. */
  onPaid?: (order: CreatedOrder | undefined) => void
  /** "Contact support" when the purchase goes through customer service (`im`). */
  onContactSupport?: () => void
  /** Extra class of the root. */
  className?: string
}

const selectLines = (cart: CartSnapshot) => cart.lines

/**
 * A checkout page ready to drop in: the selected cart lines with their totals, contact details for
 * services, coupons (the best preselected), the payment methods of this platform, the price-change
 * notice, the payment status and the submit bar. Driven only by the hooks (`useCart`,
 * `useCartQuote`, `useCheckout`, `usePaymentChannels`, `usePurchaseMode`), inside a
 * `TradeProvider` with an `api` and channels; build your own page from the same pieces when it
 * needs another layout.
 *
 * @example
 * ```tsx
 * <TradeProvider api={checkoutApi} channel={channel} storage={taroStorage()} lifecycle={taroLifecycle()}>
 *   <CheckoutPage coupons={coupons} onBackToCart={() => Taro.navigateBack()} onPaid={() => Taro.redirectTo({ url: '/pages/paid' })} />
 * </TradeProvider>
 * ```
 */
export function CheckoutPage({
  coupons,
  fees,
  member,
  requireContact,
  requireName = false,
  phoneNumberButton = false,
  onPhoneNumber,
  channelLabels,
  meta,
  onBackToCart,
  onOrderAgain,
  onLeave,
  onDone,
  onPaid,
  onContactSupport,
  className,
}: CheckoutPageProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(checkoutMessages, membershipMessages)
  const lines = useCart(selectLines).filter((line) => line.selected)
  const kind = purchaseKindOf(lines)
  const [couponId, setCouponId] = useState<string | null | undefined>(undefined)
  const quote = useCartQuote({ coupons, couponId, fees, member })
  const best = useCartQuote({ coupons, fees, member })
  const checkout = useCheckout()
  const channels = usePaymentChannels(kind)
  const mode = usePurchaseMode(kind)
  const [channel, setChannel] = useState<string | undefined>(channels[0]?.id)
  const [contact, setContact] = useState<OrderContact>({})
  const [accepted, setAccepted] = useState<Quote | null>(null)
  const [submitted, setSubmitted] = useState<Money | null>(null)
  const needsContact = requireContact ?? kind === 'service'
  const contactErrors = needsContact ? validateContact(contact, { requireName }) : {}
  const busy = isMoving(checkout.status)
  const changed = priceChangeOf(checkout.error)
  const shown = accepted ?? quote
  const chosen = channels.some((c) => c.id === channel) ? channel : channels[0]?.id

  const paidOnce = useRef(false)
  useEffect(() => {
    if (checkout.status === 'paid' && !paidOnce.current) {
      paidOnce.current = true
      onPaid?.(checkout.order)
    }
  }, [checkout.status, checkout.order, onPaid])

  const reason =
    lines.length === 0
      ? t('checkout.disabled.empty')
      : needsContact && Object.keys(contactErrors).length > 0
        ? t('checkout.disabled.contact')
        : chosen === undefined
          ? t('checkout.disabled.method')
          : busy
            ? t('checkout.disabled.busy')
            : null

  const submit = (expectedPayable: Money) => {
    const request: OrderRequest = {
      lines: orderLinesOf(lines),
      ...(quote.couponId ? { coupon: quote.couponId } : {}),
      ...(needsContact ? { contact } : {}),
      ...(chosen ? { channel: chosen } : {}),
      ...(meta ? { meta } : {}),
      expectedPayable,
    }
    setSubmitted(expectedPayable)
    if (checkout.status === 'paid') checkout.reset()
    return checkout.submit(request)
  }

  return (
    <View style={themeVars} className={className ? `tk-checkout-page ${className}` : 'tk-checkout-page'}>
      <View className="tk-checkout-page__body">
        <OrderSummary
          quote={shown}
          items={lines.map((line) => ({ lineId: line.lineId, title: line.title }))}
          purchaseMode={mode}
        />
        {mode === 'hidden' ? (
          <Text className="tk-checkout-page__note">{t('membership.notAvailable')}</Text>
        ) : null}
        {needsContact ? (
          <ContactForm
            value={contact}
            onChange={setContact}
            requireName={requireName}
            phoneNumberButton={phoneNumberButton}
            onPhoneNumber={
              onPhoneNumber
                ? (detail) => onPhoneNumber(detail, (phone) => setContact((was) => ({ ...was, phone })))
                : undefined
            }
          />
        ) : null}
        {coupons && coupons.length > 0 && mode === 'buy' ? (
          <CouponPicker
            coupons={quote.coupons}
            value={quote.couponId}
            bestId={best.couponId}
            onChange={(id) => {
              setAccepted(null)
              setCouponId(id)
            }}
          />
        ) : null}
        {mode === 'buy' ? (
          <PaymentMethodPicker value={chosen} onChange={setChannel} kind={kind} labels={channelLabels} />
        ) : null}
        {changed ? (
          <PriceChangedNotice
            previous={submitted ?? quote.payable}
            next={changed.payable}
            onBack={onBackToCart}
            onAccept={() => {
              if (changed.quote) setAccepted(changed.quote)
              return submit(changed.payable)
            }}
          />
        ) : null}
        <PaymentStatus onOrderAgain={onOrderAgain} onLeave={onLeave} onDone={onDone} />
      </View>
      {checkout.status !== 'paid' && !changed ? (
        <CheckoutBar
          className="tk-checkout-page__bar"
          payable={shown.payable}
          purchaseMode={mode}
          onContactSupport={onContactSupport}
          busy={busy}
          disabledReason={busy ? null : reason}
          onSubmit={() => submit(shown.payable)}
        />
      ) : null}
    </View>
  )
}
