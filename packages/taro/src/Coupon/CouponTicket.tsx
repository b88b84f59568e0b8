import { Text, View } from '@tarojs/components'
import {
  type ClaimState,
  type Coupon,
  type CouponUnavailableReason,
  checkoutMessages,
  couponMessages,
  couponValidity,
  describeCoupon,
  formatMoney,
  goodsMessages,
  type Money,
  percentText,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './CouponTicket.css'

/** What a ticket shows and offers: hold states of the wallet and the claim states of a product page. */
export type CouponTicketState = 'available' | 'used' | 'expired' | 'claimable' | 'claimed'

/** Props of {@link CouponTicket}. */
export interface CouponTicketProps {
  /** The coupon. */
  coupon: Coupon
  /**
   * `claimable` offers "领取", `claimed` and `available` offer "去使用" (with `onUse`), `used` and
   * `expired` are stamped and greyed.
   * @default 'available'
   */
  state?: CouponTicketState
  /**
   * The coupon wallet's claim of this coupon (`wallet.snapshot.claims[coupon.id]`): the ticket reads
   * `claiming`, `claimFailed` and `claimUnconfirmed` from it (each of them given as a prop wins).
   */
  claim?: ClaimState
  /** Why a held coupon cannot be used now (greys the ticket and shows why). */
  reason?: CouponUnavailableReason
  /** With `below_threshold` / `below_min_spend`: how much more to spend. */
  shortfall?: Money
  /**
   * The claim is running (the button is busy and ignores taps).
   * @default false
   */
  claiming?: boolean
  /**
   * The last claim failed (a note asks to try again).
   * @default false
   */
  claimFailed?: boolean
  /**
   * The last claim got no answer, so it may have gone through (`ClaimState.unconfirmed`): with
   * `claimFailed`, the note says the claim is not confirmed instead of that it failed. Trying again is
   * safe, as the wallet sends the same idempotency key.
   * @default false
   */
  claimUnconfirmed?: boolean
  /** Claims the coupon (state `claimable`). */
  onClaim?: () => void
  /** Goes to use the coupon (state `available` or `claimed`). */
  onUse?: () => void
  /** Extra class of the root. */
  className?: string
}

function useTicketText(coupon: Coupon) {
  const { t, locale } = useTranslate(couponMessages, checkoutMessages, goodsMessages)
  const format = (value: Money) => formatMoney(value, { locale, trimZeros: true })
  const rule = describeCoupon(coupon, t, { locale })
  const value =
    coupon.kind === 'percent'
      ? t('couponWallet.percent', { percent: percentText(coupon.percentOffBps) })
      : format(coupon.amountOff)
  const threshold = coupon.kind === 'threshold' ? coupon.threshold : coupon.minSpend
  const condition = threshold
    ? t('couponWallet.threshold', { amount: format(threshold) })
    : t('couponWallet.noThreshold')
  const { from, until } = couponValidity(coupon, locale)
  const validity =
    from && until
      ? t('couponWallet.validRange', { from, until })
      : until
        ? t('couponWallet.validUntil', { until })
        : from
          ? t('couponWallet.validFrom', { from })
          : t('couponWallet.noExpiry')
  return { t, format, rule, title: coupon.title ?? rule, value, condition, validity }
}

/**
 * A coupon drawn as a ticket: the amount block (¥20, or 15% for a percentage) with its threshold, a
 * dashed tear line, the name, rule and validity days, and the action — "领取" on a product or the
 * cart, "去使用" in the wallet. Used and expired tickets are stamped and greyed; a held coupon that
 * cannot be used now says why ("还差¥12可用").
 *
 * @example
 * ```tsx
 * const claim = wallet.snapshot.claims[coupon.id]
 * <CouponTicket coupon={coupon} state={claim?.status === 'claimed' ? 'claimed' : 'claimable'} claim={claim} onClaim={() => wallet.claim(coupon.id)} />
 * ```
 */
export function CouponTicket({
  coupon,
  claim,
  state = 'available',
  reason,
  shortfall,
  claiming = claim?.status === 'claiming',
  claimFailed = claim?.status === 'failed',
  claimUnconfirmed = claim?.status === 'failed' && claim.unconfirmed === true,
  onClaim,
  onUse,
  className,
}: CouponTicketProps) {
  const themeVars = useThemeVars()
  const { t, format, rule, title, value, condition, validity } = useTicketText(coupon)
  const muted = state === 'used' || state === 'expired' || reason !== undefined
  const classes = ['tk-coupon-ticket', muted && 'tk-coupon-ticket--muted', className]
    .filter(Boolean)
    .join(' ')
  const stamp =
    state === 'used'
      ? t('couponWallet.status.used')
      : state === 'expired'
        ? t('couponWallet.status.expired')
        : state === 'claimed'
          ? t('couponWallet.status.claimed')
          : null
  const canUse = (state === 'available' || state === 'claimed') && reason === undefined && onUse

  return (
    <View style={themeVars} className={classes} {...a11y({ role: 'group', label: title })}>
      <View className="tk-coupon-ticket__amount">
        <Text className="tk-coupon-ticket__value">{value}</Text>
        <Text className="tk-coupon-ticket__condition">{condition}</Text>
      </View>
      <View className="tk-coupon-ticket__divider" {...a11y({ hidden: true })} />
      <View className="tk-coupon-ticket__body">
        <Text className="tk-coupon-ticket__title">{title}</Text>
        {rule !== title ? <Text className="tk-coupon-ticket__rule">{rule}</Text> : null}
        <Text className="tk-coupon-ticket__validity">{validity}</Text>
        {reason ? (
          <Text className="tk-coupon-ticket__reason">
            {t(`coupon.reason.${reason}`, { amount: shortfall ? format(shortfall) : '' })}
          </Text>
        ) : null}
        {claimFailed && !claiming ? (
          <Text className="tk-coupon-ticket__failed" {...a11y({ role: 'alert' })}>
            {t(claimUnconfirmed ? 'couponWallet.claimUnconfirmed' : 'couponWallet.claimFailed')}
          </Text>
        ) : null}
      </View>
      <View className="tk-coupon-ticket__action">
        {stamp ? <Text className="tk-coupon-ticket__stamp">{stamp}</Text> : null}
        {state === 'claimable' && onClaim ? (
          <Pressable
            className="tk-coupon-ticket__button"
            busy={claiming}
            label={t('couponWallet.claimLabel', { title })}
            onPress={onClaim}
          >
            {t('couponWallet.claim')}
          </Pressable>
        ) : null}
        {canUse ? (
          <Pressable
            className="tk-coupon-ticket__button"
            label={t('couponWallet.useLabel', { title })}
            onPress={onUse}
          >
            {t('couponWallet.use')}
          </Pressable>
        ) : null}
      </View>
    </View>
  )
}
