import { Input, Text, View } from '@tarojs/components'
import { formatMoney, goodsMessages, type MessageKey, type Order, orderMessages } from '@tradekit/core'
import { useRefund, useTranslate } from '@tradekit/react'
import { useEffect, useRef } from 'react'
import { a11y } from '../internal/a11y'
import { Check } from '../internal/Check'
import { pressKeys } from '../internal/keyboard'
import { Pressable } from '../internal/Pressable'
import { RadioMark } from '../internal/RadioMark'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import { REFUND_REASONS } from './refundReasons'
import '../theme/tokens.css'
import '../internal/Section.css'
import './RefundSheet.css'

/** Props of {@link RefundSheet}. */
export interface RefundSheetProps {
  /** The order to refund (read through `TradeProvider ordersApi={…}`). */
  orderId: string
  /** The server took the request: the order as it is now (close the sheet, show its progress). */
  onDone?: (order: Order) => void
  /**
   * The reasons offered, as ids whose text is `refund.reason.<id>` in the catalogue.
   * @default REFUND_REASONS
   */
  reasons?: readonly string[]
  /** Extra class of the root. */
  className?: string
}

const ERRORS_SHOWN = new Set(['NETWORK', 'TIMEOUT'])

/**
 * The refund request form ("申请退款") of one order, over `useRefund(orderId)`: the lines to refund
 * (checkboxes; each says what is left of it), the amount (what is left of the chosen lines until
 * the user types another; at most paid − refunded, read in integer minor units, refused inline
 * when it is more), the reason (a radio list from the catalogue), a note, the exact split across
 * the lines that will be sent, and submit with its busy and error states. A request that got no
 * answer (`unconfirmed`) is said to be not confirmed, never "not sent": it may have reached the merchant.
 *
 * @example
 * ```tsx
 * <RefundSheet orderId={id} onDone={() => setRefunding(false)} />
 * ```
 */
export function RefundSheet({ orderId, onDone, reasons = REFUND_REASONS, className }: RefundSheetProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(orderMessages, goodsMessages)
  const refund = useRefund(orderId)
  const { order, lines, errors, preview, status, max } = refund
  const done = useRef(onDone)
  done.current = onDone
  useEffect(() => {
    if (status === 'done' && order) done.current?.(order)
  }, [status, order])
  const classes = className ? `tk-refund-sheet ${className}` : 'tk-refund-sheet'
  if (!order) {
    return (
      <View style={themeVars} className={classes}>
        <Skeleton rows={4} />
      </View>
    )
  }
  const format = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, { locale })
  const titleOf = (lineId: string) => order.lines.find((line) => line.lineId === lineId)?.title ?? lineId
  const errorText = (key: string, params?: Record<string, string>) =>
    t(`refund.error.${key}` as MessageKey, params)
  const amountError = errors.amount
    ? errorText(
        {
          amount_required: 'amountRequired',
          amount_invalid: 'amountInvalid',
          amount_zero: 'amountZero',
          amount_too_high: 'amountTooHigh',
        }[errors.amount as 'amount_required'] ?? 'amountInvalid',
        max ? { amount: format(max) } : undefined,
      )
    : null
  const busy = status === 'submitting'

  return (
    <View style={themeVars} className={classes} {...a11y({ role: 'form', label: t('refund.title') })}>
      <Text className="tk-refund-sheet__title">{t('refund.title')}</Text>

      <View className="tk-section" {...a11y({ role: 'group', label: t('refund.lines') })}>
        <Text className="tk-section__title">{t('refund.lines')}</Text>
        {lines.map(({ line, refundable, selected, disabled }) => (
          <View key={line.lineId} className="tk-refund-sheet__line">
            <Check
              className="tk-refund-sheet__check"
              checked={selected}
              disabled={disabled || busy}
              label={t('refund.selectLine', { title: line.title })}
              onChange={(next) => refund.toggleLine(line.lineId, next)}
            />
            <View className="tk-refund-sheet__line-body" {...a11y({ hidden: true })}>
              <Text className="tk-refund-sheet__line-title">{line.title}</Text>
              <Text className="tk-refund-sheet__muted">
                {t('refund.refundable', { amount: format(refundable) })}
              </Text>
            </View>
          </View>
        ))}
        {errors.lines ? (
          <Text className="tk-refund-sheet__error" {...a11y({ role: 'alert' })}>
            {errorText(errors.lines === 'nothing_left' ? 'nothingLeft' : 'linesRequired')}
          </Text>
        ) : null}
      </View>

      <View className="tk-section">
        <View className="tk-refund-sheet__field">
          <Text className="tk-refund-sheet__label" {...a11y({ hidden: true })}>
            {t('refund.amount')}
          </Text>
          <Input
            className="tk-refund-sheet__input"
            type="digit"
            value={refund.amountText}
            placeholder={t('refund.amountPlaceholder')}
            disabled={busy}
            onInput={(event) => refund.setAmount(event.detail.value)}
            {...a11y({ label: t('refund.amount') })}
          />
        </View>
        {max ? (
          <Text className="tk-refund-sheet__muted">{t('refund.amountHint', { amount: format(max) })}</Text>
        ) : null}
        {amountError ? (
          <Text className="tk-refund-sheet__error" {...a11y({ role: 'alert' })}>
            {amountError}
          </Text>
        ) : null}
      </View>

      <View className="tk-section">
        <Text className="tk-section__title">{t('refund.reason')}</Text>
        <View
          className="tk-refund-sheet__reasons"
          {...a11y({ role: 'radiogroup', label: t('refund.reason') })}
        >
          {reasons.map((id) => {
            const text = t(`refund.reason.${id}` as MessageKey)
            const checked = refund.reason === id
            const choose = () => {
              if (!busy) refund.setReason(id)
            }
            return (
              <View
                key={id}
                className={
                  checked
                    ? 'tk-refund-sheet__reason tk-refund-sheet__reason--checked'
                    : 'tk-refund-sheet__reason'
                }
                onClick={choose}
                {...a11y({ role: 'radio', label: text, checked, disabled: busy })}
                {...pressKeys(choose, busy)}
              >
                <RadioMark checked={checked} />
                <Text {...a11y({ hidden: true })}>{text}</Text>
              </View>
            )
          })}
        </View>
        {errors.reason ? (
          <Text className="tk-refund-sheet__error" {...a11y({ role: 'alert' })}>
            {errorText('reasonRequired')}
          </Text>
        ) : null}
      </View>

      <View className="tk-section">
        <View className="tk-refund-sheet__field">
          <Text className="tk-refund-sheet__label" {...a11y({ hidden: true })}>
            {t('refund.note')}
          </Text>
          <Input
            className="tk-refund-sheet__input"
            value={refund.note}
            placeholder={t('refund.notePlaceholder')}
            maxlength={200}
            disabled={busy}
            onInput={(event) => refund.setNote(event.detail.value)}
            {...a11y({ label: t('refund.note') })}
          />
        </View>
      </View>

      {preview ? (
        <View className="tk-section" {...a11y({ role: 'list', label: t('refund.preview') })}>
          <Text className="tk-section__title" {...a11y({ hidden: true })}>
            {t('refund.preview')}
          </Text>
          {preview.lines.map((part) => (
            <Text key={part.lineId} className="tk-refund-sheet__muted" {...a11y({ role: 'listitem' })}>
              {t('refund.previewLine', { title: titleOf(part.lineId), amount: format(part.amount) })}
            </Text>
          ))}
        </View>
      ) : null}

      {status === 'failed' ? (
        <Text className="tk-refund-sheet__error" {...a11y({ role: 'alert' })}>
          {refund.unconfirmed
            ? errorText('unconfirmed')
            : errorText(refund.error && ERRORS_SHOWN.has(refund.error.code) ? refund.error.code : 'other')}
        </Text>
      ) : null}
      <View className="tk-refund-sheet__bar">
        <Pressable
          className="tk-pressable--primary-pill tk-refund-sheet__submit"
          busy={busy}
          label={busy ? t('refund.submitting') : t('refund.submit')}
          onPress={() => void refund.submit()}
        >
          {busy ? t('refund.submitting') : t('refund.submit')}
        </Pressable>
      </View>
    </View>
  )
}
