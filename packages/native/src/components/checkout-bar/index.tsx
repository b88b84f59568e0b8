import { goodsMessages, type Money } from '@tradekit/core'
import { useCart, useCartQuote, useTranslate } from '@tradekit/react'
import { CheckoutBar } from '@tradekit/taro'
import { useEffect, useRef } from 'react'
import { emit, type NativeCommonProps, NativeRoot, type NativeScope } from '../../shared/NativeRoot'
import type { TkLineRef } from '../cart/index'

/** Props of `tk-checkout-bar` (the fields of its `props` object). */
export interface TkCheckoutBarProps extends NativeCommonProps {
  /** What the user pays; by default the client quote of the shared cart's selected lines. */
  payable?: Money
  /**
   * Why submitting is not possible now (shown, button disabled); by default "请先选择商品" when no
   * line is selected and "购物车加载中" while the stored cart loads. `''` means "no reason".
   */
  disabledReason?: string
  /**
   * The page's checkout is running (creating the order, paying): the button shows it and ignores taps.
   * @default false
   */
  busy?: boolean
  /** The button's text. @default '提交订单' */
  submitText?: string
  /**
   * After a submit the button ignores taps until the page sets `busy` (and clears it again), or —
   * when the page never sets `busy` — for this long.
   * @default 1500
   */
  lockMs?: number
}

/** What `bind:submit` receives: send `expectedPayable` and the lines to your order API. */
export interface TkSubmitDetail {
  readonly expectedPayable: Money
  readonly lines: readonly TkLineRef[]
}

interface Lock {
  sawBusy: boolean
  release: () => void
}

function Bar({
  payable,
  disabledReason,
  busy = false,
  submitText,
  lockMs = 1500,
  scope,
}: Omit<TkCheckoutBarProps, '$scope' | 'locale' | 'namespace'> & { scope?: NativeScope }) {
  const { t } = useTranslate(goodsMessages)
  const quote = useCartQuote()
  const status = useCart((cart) => cart.status)
  const selectedCount = useCart((cart) => cart.selectedCount)
  const lines = useCart((cart) => cart.lines)
  const lock = useRef<Lock | null>(null)

  // a submit stays locked until the page's checkout has been busy and is done again
  useEffect(() => {
    const current = lock.current
    if (!current) return
    if (busy) current.sawBusy = true
    else if (current.sawBusy) current.release()
  }, [busy])

  const reason =
    disabledReason !== undefined
      ? disabledReason || null
      : status === 'loading'
        ? t('cart.disabled.loading')
        : selectedCount === 0
          ? t('cart.disabled.none')
          : null
  const total = payable ?? quote.payable

  const submit = () =>
    new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const current: Lock = {
        sawBusy: false,
        release: () => {
          if (timer !== undefined) clearTimeout(timer)
          if (lock.current === current) lock.current = null
          resolve()
        },
      }
      lock.current = current
      timer = setTimeout(() => {
        if (!current.sawBusy) current.release()
      }, lockMs)
      const detail: TkSubmitDetail = {
        expectedPayable: total,
        lines: lines
          .filter((line) => line.selected)
          .map(({ lineId, skuId, quantity, options }) => ({ lineId, skuId, quantity, options })),
      }
      emit(scope, 'submit', detail)
    })

  return (
    <CheckoutBar
      payable={total}
      disabledReason={reason}
      busy={busy}
      submitText={submitText}
      onSubmit={submit}
    />
  )
}

/**
 * `tk-checkout-bar`: the payable and one submit button with its disabled reason; a tap sends one
 * `submit` (a second tap while it is locked sends nothing).
 */
export default function TkCheckoutBar({ locale, namespace, $scope, ...rest }: TkCheckoutBarProps) {
  return (
    <NativeRoot locale={locale} namespace={namespace}>
      <Bar {...rest} scope={$scope} />
    </NativeRoot>
  )
}
