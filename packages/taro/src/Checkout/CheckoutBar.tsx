import { Text, View } from '@tarojs/components'
import { checkoutMessages, goodsMessages, type Money, type PurchaseMode, speakMoney } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { useThemeVars } from '../theme/ThemeContext'
import '../internal/BottomBar.css'
import { BarSpacer } from '../internal/BarSpacer'
import '../theme/tokens.css'
import './CheckoutBar.css'

/** Props of {@link CheckoutBar}. */
export interface CheckoutBarProps {
  /** The total the user agrees to by submitting (send it as `expectedPayable`). */
  payable: Money
  /**
   * Called on submit. While the promise it returns is pending, further presses are ignored: one tap,
   * one submit.
   */
  onSubmit: () => unknown
  /** Why submitting is not possible now ("请先填写联系人信息"); shown, and the button is disabled. */
  disabledReason?: string | null
  /**
   * A press on the button while `disabledReason` holds it (a missing address or contact): the page
   * shows the field's own error there. The button stays disabled.
   */
  onBlockedPress?: () => void
  /**
   * The checkout is busy (creating, paying, confirming): the button shows it and ignores presses.
   * @default false
   */
  busy?: boolean
  /**
   * `buy` shows the payable and the submit button; `im` a "contact support to order" button
   * (`onContactSupport`); `hidden` renders no bar (neither price nor submit wording).
   * @default 'buy'
   */
  purchaseMode?: PurchaseMode
  /** Called by the `im` button. */
  onContactSupport?: () => void
  /** The button's text. @default '提交订单' (the catalogue's `checkout.submit`) */
  submitText?: string
  /**
   * Fixed to the bottom of the screen, clear of the home indicator, with a spacer left in the page so
   * its last content can scroll above the bar; `false` renders the bar where it is placed (in a
   * container of the page's own, a sheet, a sticky footer).
   * @default true
   */
  fixed?: boolean
  /** Extra class of the bar. */
  className?: string
}

/**
 * The bar under the checkout: what the user pays and one submit button that cannot submit twice
 * (a press while the last submit is still running is ignored), disabled with its reason shown. Fixed to
 * the bottom of the screen by default (`fixed={false}`: where it is placed).
 *
 * @example
 * ```tsx
 * <CheckoutBar payable={quote.payable} busy={busy} disabledReason={reason} onSubmit={() => checkout.submit(request)} />
 * ```
 */
export function CheckoutBar({
  payable,
  onSubmit,
  disabledReason = null,
  onBlockedPress,
  busy = false,
  purchaseMode = 'buy',
  onContactSupport,
  submitText,
  fixed = true,
  className,
}: CheckoutBarProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(checkoutMessages, goodsMessages)
  const running = useRef(false)
  const [submitting, setSubmitting] = useState(false)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const press = () => {
    if (running.current || busy || disabledReason) return
    running.current = true
    setSubmitting(true)
    const done = () => {
      running.current = false
      if (mounted.current) setSubmitting(false)
    }
    try {
      Promise.resolve(onSubmit()).then(done, done)
    } catch (error) {
      done()
      throw error
    }
  }

  const text = submitText ?? t('checkout.submit')
  const classes = `tk-checkout-bar${fixed ? ' tk-bar-fixed' : ''}${className ? ` ${className}` : ''}`
  // hidden: nothing to buy here, so no bar at all (an empty strip at the bottom says nothing)
  if (purchaseMode === 'hidden') return null
  let bar: ReactNode
  if (purchaseMode === 'im') {
    bar = (
      <View style={themeVars} className={classes}>
        <View className="tk-checkout-bar__summary" />
        <Pressable className="tk-pressable--primary-pill tk-checkout-bar__submit" onPress={onContactSupport}>
          {t('checkout.contactToBuy')}
        </Pressable>
      </View>
    )
  } else {
    bar = (
      <View style={themeVars} className={classes}>
        <View className="tk-checkout-bar__summary">
          <View className="tk-checkout-bar__total">
            <Text className="tk-checkout-bar__label">{t('checkout.summary.payable')}</Text>
            <Price price={payable} size="lg" />
          </View>
          {disabledReason ? <Text className="tk-checkout-bar__reason">{disabledReason}</Text> : null}
        </View>
        <Pressable
          className="tk-pressable--primary-pill tk-checkout-bar__submit"
          label={`${text}${t('a11y.separator')}${t('checkout.summary.payable')} ${speakMoney(payable, t)}`}
          disabled={Boolean(disabledReason)}
          busy={busy || submitting}
          onPress={press}
          onDisabledPress={onBlockedPress}
        >
          {text}
        </Pressable>
      </View>
    )
  }
  if (!fixed) return bar
  return (
    <>
      <BarSpacer />
      {bar}
    </>
  )
}
