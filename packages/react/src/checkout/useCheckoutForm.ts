import {
  type CartLine,
  type CartQuote,
  type CartSnapshot,
  type CheckoutBlocker,
  type CheckoutSnapshot,
  type ContactErrors,
  type Coupon,
  type CouponEvaluation,
  type CreatedOrder,
  checkoutReadiness,
  isLineBlocked,
  isMoving,
  type Money,
  needsShippingAddress,
  normalizeContact,
  type OrderContact,
  type OrderRequest,
  orderLinesOf,
  type PaymentChannel,
  type PricingFee,
  type PricingLine,
  type ProductKind,
  type PurchaseMode,
  priceCart,
  priceChangeOf,
  purchaseKindOf,
  type Quote,
  type ShippingAddress,
} from '@tradekit/core'
import { type Dispatch, type SetStateAction, useEffect, useMemo, useRef, useState } from 'react'
import { useCart } from '../cart/useCart'
import { usePaymentChannels } from '../purchase/usePaymentChannels'
import { usePurchaseMode } from '../purchase/usePurchaseMode'
import { shallowEqual } from '../store/useStoreSelector'
import { type UseCheckoutResult, useCheckout } from './useCheckout'

/**
 * A line a checkout form buys: a cart line fits as it is; a "buy now" item needs a `lineId` (its
 * skuId) and a `quantity`.
 */
export type CheckoutFormLine = PricingLine & Pick<CartLine, 'title'> & Partial<Pick<CartLine, 'options'>>

/** Options of {@link useCheckoutForm}. */
export interface UseCheckoutFormOptions {
  /**
   * What to buy ("buy now": one item, without the cart).
   * @default the cart's selected lines that can be bought
   */
  lines?: readonly CheckoutFormLine[]
  /** The coupons the user holds; the best applicable one is preselected. @default [] */
  coupons?: readonly Coupon[]
  /** Fees of the order (delivery, service). @default [] */
  fees?: readonly PricingFee[]
  /** Apply member prices. @default false */
  member?: boolean
  /** Ask for contact details. @default true when the purchase is a service */
  requireContact?: boolean
  /** Ask for a name with the phone. @default false */
  requireName?: boolean
  /**
   * The app ships physical goods: an order with physical lines needs a complete shipping address
   * (`needsShippingAddress`), sent as `address`. @default false
   */
  shipping?: boolean
  /** The address to start with (the user's remembered one). */
  defaultAddress?: ShippingAddress | null
  /** Sent with the order as `meta`. */
  meta?: Readonly<Record<string, unknown>>
  /**
   * Called once when the server confirms a payment made while the form is mounted (not for a
   * checkout that was already paid when it mounted).
   */
  onPaid?: (order: CreatedOrder | undefined) => void
}

/** The server's new total after `PRICE_CHANGED`, against the total the user agreed to. */
export interface CheckoutPriceChange {
  /** The total the user submitted. */
  readonly previous: Money
  /** The server's total. */
  readonly next: Money
  /** The server's quote, when it sent one. */
  readonly quote?: Quote
}

/** A checkout form's state and actions: what {@link useCheckoutForm} returns. */
export interface CheckoutForm {
  /** What is bought. */
  readonly lines: readonly CheckoutFormLine[]
  /** The purchase's kind, for the platforms' rules (`purchaseKindOf`). */
  readonly kind: ProductKind
  /** How the purchase can be offered here: `buy`, `im` (contact support) or `hidden`. */
  readonly purchaseMode: PurchaseMode
  /**
   * The quote on screen: the client's (`priceCart`, with the chosen coupon and the fees) or, once
   * the user accepted a changed price, the server's.
   */
  readonly quote: CartQuote | Quote
  /** The total the user agrees to by submitting (`expectedPayable`). */
  readonly payable: Money
  /** Every held coupon with its evaluation, for a coupon picker. */
  readonly coupons: readonly CouponEvaluation[]
  /** The chosen coupon, `null` for none. */
  readonly couponId: string | null
  /** The best applicable coupon (preselected until the user picks). */
  readonly bestCouponId: string | null
  /** Picks a coupon, or `null` for none. */
  setCoupon(couponId: string | null): void
  /** The cashiers that can take this purchase here. */
  readonly channels: readonly PaymentChannel[]
  /** The chosen cashier's id: the user's pick while it can take the purchase, else the first. */
  readonly channel: string | undefined
  /** Picks a cashier by id. */
  setChannel(channelId: string): void
  /** The contact as entered so far. */
  readonly contact: OrderContact
  /** Sets the contact (a value or an update of the previous one). */
  setContact: Dispatch<SetStateAction<OrderContact>>
  /** The order carries contact details (a service, or `requireContact`). */
  readonly needsContact: boolean
  /** The order ships: it needs a shipping address (`shipping` and physical lines). */
  readonly needsAddress: boolean
  /** The shipping address chosen so far (`defaultAddress` until the user picks one). */
  readonly address: ShippingAddress | null
  /** Sets the shipping address. */
  setAddress(address: ShippingAddress | null): void
  /** True once a submit was stopped by a missing address: show the address card's error. */
  readonly showAddressError: boolean
  /** What is wrong with the contact, as message keys by field (`validateContact`). */
  readonly contactErrors: ContactErrors
  /** True once a submit was stopped by the contact: show every field's error. */
  readonly showContactErrors: boolean
  /** What stops a submit (`checkout.disabled.<reason>` in the catalogue), or `null`. */
  readonly disabledReason: CheckoutBlocker | null
  /** A payment is moving (creating, paying, confirming). */
  readonly busy: boolean
  /** Set when the server refused the total (`PRICE_CHANGED`): accept it with {@link acceptPrice}. */
  readonly priceChange: CheckoutPriceChange | null
  /** Agrees to the server's new total: a new attempt with it as `expectedPayable`. */
  acceptPrice(): Promise<CheckoutSnapshot>
  /**
   * Places the order for {@link payable}. When something stops it, nothing is sent (a wrong contact
   * turns {@link showContactErrors} on) and it settles with the current snapshot; while a payment
   * is moving it returns the running attempt.
   */
  submit(): Promise<CheckoutSnapshot>
  /** The checkout underneath: status, order, retry, cancel… */
  readonly checkout: UseCheckoutResult
}

const NO_LINES: readonly CartLine[] = []
const selectNone = () => NO_LINES
const selectBuyable = (cart: CartSnapshot): readonly CartLine[] =>
  cart.lines.filter((line) => line.selected && !isLineBlocked(line))

/**
 * The headless checkout form: what a checkout page shows and does, without markup (TradeKit's
 * `CheckoutPage` is this hook plus components). The lines to buy (the cart's selection, or given
 * lines for "buy now"), the purchase kind and mode, the quote with the chosen coupon (the best one
 * preselected), the payment method, the contact and its validation, what stops a submit, a changed
 * price to accept, and submit. The rules come from core (`priceCart`, `checkoutReadiness`,
 * `validateContact`, `priceChangeOf`); the hook holds the user's choices. Inside a `TradeProvider`
 * with an `api`.
 *
 * @example
 * ```tsx
 * const form = useCheckoutForm({ coupons, fees, onPaid: (order) => Taro.redirectTo({ url: `/paid?id=${order?.orderId}` }) })
 * <OrderSummary quote={form.quote} items={form.lines} />
 * {form.needsContact ? <ContactForm value={form.contact} onChange={form.setContact} showErrors={form.showContactErrors} /> : null}
 * {form.priceChange ? <PriceChangedNotice previous={form.priceChange.previous} next={form.priceChange.next} onAccept={form.acceptPrice} /> : null}
 * <CheckoutBar payable={form.payable} busy={form.busy} disabledReason={form.disabledReason && t(`checkout.disabled.${form.disabledReason}`)} onSubmit={form.submit} />
 * ```
 */
export function useCheckoutForm(options: UseCheckoutFormOptions = {}): CheckoutForm {
  const { lines: given, coupons, fees, member, requireContact, requireName, meta, onPaid } = options
  const { shipping, defaultAddress } = options
  const fromCart = useCart(given ? selectNone : selectBuyable, shallowEqual)
  const lines: readonly CheckoutFormLine[] = given ?? fromCart
  const kind = purchaseKindOf(lines)
  const checkout = useCheckout()
  const channels = usePaymentChannels(kind)
  const purchaseMode = usePurchaseMode(kind)

  const [couponId, setCoupon] = useState<string | null | undefined>(undefined)
  const [picked, setChannel] = useState<string | undefined>(undefined)
  const [contact, setContact] = useState<OrderContact>({})
  const [showContactErrors, setShowContactErrors] = useState(false)
  // undefined until the user picks: the default (a remembered address read later) is used meanwhile
  const [pickedAddress, setAddress] = useState<ShippingAddress | null | undefined>(undefined)
  const address = pickedAddress === undefined ? (defaultAddress ?? null) : pickedAddress
  const [showAddressError, setShowAddressError] = useState(false)
  const [submitted, setSubmitted] = useState<Money | null>(null)
  const [accepted, setAccepted] = useState<{ key: string; payable: Money; quote?: Quote } | null>(null)

  const clientQuote = useMemo(
    () => priceCart(lines, { coupons, couponId, fees, member }),
    [lines, coupons, couponId, fees, member],
  )
  const best = useMemo(
    () => (couponId === undefined ? clientQuote : priceCart(lines, { coupons, fees, member })),
    [clientQuote, lines, coupons, couponId, fees, member],
  )
  const orderLines = useMemo(() => orderLinesOf(lines), [lines])
  const needsAddress = shipping === true && needsShippingAddress(lines)
  // An accepted price holds for the lines, coupon and address it was given for (delivery is priced
  // by where it goes), not after they change.
  const key = JSON.stringify([orderLines, clientQuote.couponId, needsAddress ? address : null])
  const agreed = accepted?.key === key ? accepted : null
  const quote = agreed?.quote ?? clientQuote
  const payable = agreed?.payable ?? clientQuote.payable

  const channel = channels.some((c) => c.id === picked) ? picked : channels[0]?.id
  const { needsContact, contactErrors, blocker } = checkoutReadiness({
    lineCount: lines.length,
    kind,
    requireAddress: needsAddress,
    address,
    contact,
    requireContact,
    requireName,
    channel,
    status: checkout.status,
  })
  const change = checkout.status === 'failed' ? priceChangeOf(checkout.error) : null

  const onPaidRef = useRef(onPaid)
  onPaidRef.current = onPaid
  const reportedPaid = useRef(checkout.status === 'paid')
  useEffect(() => {
    if (checkout.status !== 'paid') {
      reportedPaid.current = false
    } else if (!reportedPaid.current) {
      reportedPaid.current = true
      onPaidRef.current?.(checkout.order)
    }
  }, [checkout.status, checkout.order])

  const send = (expectedPayable: Money) => {
    const request: OrderRequest = {
      lines: orderLines,
      ...(clientQuote.couponId ? { coupon: clientQuote.couponId } : {}),
      ...(needsContact ? { contact: normalizeContact(contact) } : {}),
      ...(needsAddress && address ? { address } : {}),
      ...(channel ? { channel } : {}),
      ...(meta ? { meta } : {}),
      expectedPayable,
    }
    setSubmitted(expectedPayable)
    if (checkout.status === 'paid') checkout.reset()
    return checkout.submit(request)
  }

  return {
    lines,
    kind,
    purchaseMode,
    quote,
    payable,
    coupons: clientQuote.coupons,
    couponId: clientQuote.couponId,
    bestCouponId: best.couponId,
    setCoupon,
    channels,
    channel,
    setChannel,
    contact,
    setContact,
    needsContact,
    needsAddress,
    address,
    setAddress,
    showAddressError: showAddressError && needsAddress,
    contactErrors,
    showContactErrors,
    disabledReason: blocker,
    busy: isMoving(checkout.status),
    priceChange: change
      ? { previous: submitted ?? payable, next: change.payable, quote: change.quote }
      : null,
    acceptPrice() {
      if (!change) return Promise.resolve(checkout.checkout.getSnapshot())
      setAccepted({ key, payable: change.payable, ...(change.quote ? { quote: change.quote } : {}) })
      return send(change.payable)
    },
    submit() {
      if (blocker === 'contact') setShowContactErrors(true)
      if (blocker === 'address') setShowAddressError(true)
      if (blocker !== null && blocker !== 'busy') return Promise.resolve(checkout.checkout.getSnapshot())
      return send(payable)
    },
    checkout,
  }
}
