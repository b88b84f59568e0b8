import { Text, View } from '@tarojs/components'
import {
  type Coupon,
  type CreatedOrder,
  checkoutMessages,
  membershipMessages,
  type PricingFee,
  type ShippingAddress,
} from '@tradekit/core'
import { useCheckoutForm, useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
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

/** What {@link CheckoutPageProps.renderAddress} gets: the props of an `AddressCard`. */
export interface CheckoutAddressField {
  /** The address chosen so far. */
  readonly value: ShippingAddress | null
  /** Takes the address the user chose. */
  readonly onChange: (address: ShippingAddress) => void
  /** Always true: the order cannot be placed without it. */
  readonly required: true
  /** The user tried to place the order without an address. */
  readonly showErrors: boolean
}

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
  /** "View order" after the payment: the paid order's detail page. */
  onViewOrder?: (orderId: string) => void
  /**
   * The app ships physical goods: an order with physical lines shows what this renders (an
   * `AddressCard` given the field's props) and cannot be placed without a complete address (sent as
   * `address`; the server prices delivery by it). A render prop, so a page that ships nothing
   * carries no address code.
   *
   * @example
   * ```tsx
   * renderAddress={(field) => <AddressCard {...field} port={taroAddress()} onChange={(a) => { field.onChange(a); remember(a) }} />}
   * ```
   */
  renderAddress?: (field: CheckoutAddressField) => ReactNode
  /** The address to start with (`useRememberedAddress().address`). */
  defaultAddress?: ShippingAddress | null
  /** "Contact support" when the purchase goes through customer service (`im`). */
  onContactSupport?: () => void
  /** Extra class of the root. */
  className?: string
}

/**
 * A checkout page ready to drop in: the shipping address for physical goods (`renderAddress`), the
 * selected cart lines with their totals, contact details for services, coupons (the best preselected), the payment methods of this platform, the price-change
 * notice, the payment status and the submit bar. Markup over `useCheckoutForm` (which holds the
 * choices and reads the rules from core), inside a `TradeProvider` with an `api` and channels;
 * build your own page from the same hook and pieces when it needs another layout.
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
  onViewOrder,
  renderAddress,
  defaultAddress,
  onContactSupport,
  className,
}: CheckoutPageProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(checkoutMessages, membershipMessages)
  const form = useCheckoutForm({
    coupons,
    fees,
    member,
    requireContact,
    requireName,
    meta,
    onPaid,
    shipping: renderAddress !== undefined,
    defaultAddress,
  })
  const { purchaseMode: mode, priceChange, disabledReason } = form
  return (
    <View style={themeVars} className={className ? `tk-checkout-page ${className}` : 'tk-checkout-page'}>
      <View className="tk-checkout-page__body">
        {form.needsAddress && renderAddress
          ? renderAddress({
              value: form.address,
              onChange: form.setAddress,
              required: true,
              showErrors: form.showAddressError,
            })
          : null}
        <OrderSummary quote={form.quote} items={form.lines} purchaseMode={mode} />
        {mode === 'hidden' ? (
          <Text className="tk-checkout-page__note">{t('membership.notAvailable')}</Text>
        ) : null}
        {form.needsContact ? (
          <ContactForm
            value={form.contact}
            onChange={form.setContact}
            showErrors={form.showContactErrors}
            requireName={requireName}
            phoneNumberButton={phoneNumberButton}
            onPhoneNumber={
              onPhoneNumber
                ? (detail) => onPhoneNumber(detail, (phone) => form.setContact((was) => ({ ...was, phone })))
                : undefined
            }
          />
        ) : null}
        {form.coupons.length > 0 && mode === 'buy' ? (
          <CouponPicker
            coupons={form.coupons}
            value={form.couponId}
            bestId={form.bestCouponId}
            onChange={form.setCoupon}
          />
        ) : null}
        {mode === 'buy' ? (
          <PaymentMethodPicker
            value={form.channel}
            onChange={form.setChannel}
            kind={form.kind}
            labels={channelLabels}
          />
        ) : null}
        {priceChange ? (
          <PriceChangedNotice
            previous={priceChange.previous}
            next={priceChange.next}
            onBack={onBackToCart}
            onAccept={form.acceptPrice}
          />
        ) : null}
        <PaymentStatus
          onOrderAgain={onOrderAgain}
          onLeave={onLeave}
          onDone={onDone}
          onViewOrder={onViewOrder}
        />
      </View>
      {/* paid: nothing left to place; unknown: the money may have moved, a new order could charge twice */}
      {form.checkout.status !== 'paid' && form.checkout.status !== 'unknown' && !priceChange ? (
        <CheckoutBar
          payable={form.payable}
          purchaseMode={mode}
          onContactSupport={onContactSupport}
          busy={form.busy}
          disabledReason={
            disabledReason && disabledReason !== 'busy' ? t(`checkout.disabled.${disabledReason}`) : null
          }
          onSubmit={form.submit}
          // the address card or the contact form then shows its own error
          onBlockedPress={() => void form.submit()}
        />
      ) : null}
    </View>
  )
}
