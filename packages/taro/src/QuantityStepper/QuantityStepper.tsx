import { Input, Text, View } from '@tarojs/components'
import { clampQuantity, goodsMessages, type QuantityIssue, quantityRules } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useEffect, useRef, useState } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './QuantityStepper.css'

/** Props of {@link QuantityStepper}. */
export interface QuantityStepperProps {
  /** The quantity shown (controlled). */
  value: number
  /**
   * Called with the next valid quantity. Return a promise to keep the new value shown as pending
   * until it settles; a rejection rolls back to `value` and says so.
   */
  onChange?: (quantity: number) => unknown
  /**
   * The least quantity (起购).
   * @default 1
   */
  min?: number
  /** The most one may buy (per order or per user, whichever is lower). */
  max?: number
  /** Units in stock; absent when not tracked. */
  stock?: number
  /**
   * Quantities are multiples of `step`.
   * @default 1
   */
  step?: number
  /**
   * No changes at all.
   * @default false
   */
  disabled?: boolean
  /** The accessible name of the group and the input; defaults to the catalogue's "数量". */
  label?: string
  /** Extra class of the root. */
  className?: string
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

/**
 * The keyboard's confirm key commits the typed quantity. Mini-programs fire `confirm`; Taro's H5
 * Input also spreads an `onConfirm` prop onto the HTML input (React warns about an unknown event
 * handler), so on H5 Enter is read from `keydown` instead.
 */
function confirmWith(commit: (value: string) => void) {
  if (isH5) {
    return {
      onKeyDown: (event: { detail?: { value?: string; keyCode?: number | string } }) => {
        const { keyCode, value } = event.detail ?? {}
        if ((keyCode === 13 || keyCode === 'Enter') && value !== undefined) commit(value)
      },
    }
  }
  return { onConfirm: (event: { detail: { value: string } }) => commit(event.detail.value) }
}

/**
 * − / input / + for a quantity, with the cart's rules: min, max, step and stock. A typed value is
 * checked like the buttons (clamped, with the reason shown). An async `onChange` shows the new value
 * as pending and rolls back if it fails.
 *
 * @example
 * ```tsx
 * <QuantityStepper value={line.quantity} stock={line.stock} onChange={(q) => cart.setQuantity(line.lineId, q)} />
 * ```
 */
export function QuantityStepper({
  value,
  onChange,
  min,
  max,
  stock,
  step,
  disabled = false,
  label,
  className,
}: QuantityStepperProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  const rules = quantityRules({ minQuantity: min, maxQuantity: max, stock, step })
  const [pending, setPending] = useState<number | null>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const latest = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const shown = pending ?? value
  const busy = pending !== null
  const name = label ?? t('stepper.label')

  const explain = (issue: QuantityIssue | undefined): string | null => {
    switch (issue) {
      case 'below_min':
        return t('stepper.belowMin', { min: rules.min })
      case 'exceeds_stock':
        return t('stepper.exceedsStock', { stock: rules.stockMax })
      case 'over_limit':
        return t('stepper.aboveMax', { max: rules.limitMax })
      case 'not_multiple_of_step':
        return t('stepper.step', { step: rules.step })
      default:
        return null
    }
  }

  const change = (requested: number) => {
    if (disabled || busy) return
    const { quantity, issue } = clampQuantity(requested, rules)
    setNotice(explain(issue))
    if (quantity === shown) return
    const result = onChange?.(quantity)
    if (!isPromise(result)) return
    const ticket = ++latest.current
    setPending(quantity)
    result.then(
      () => {
        if (mounted.current && ticket === latest.current) setPending(null)
      },
      () => {
        if (!mounted.current || ticket !== latest.current) return
        setPending(null)
        setNotice(t('stepper.failed', { quantity: value }))
      },
    )
  }

  const commitDraft = (text: string) => {
    setDraft(null)
    const trimmed = text.trim()
    if (/^\d{1,15}$/.test(trimmed)) change(Number(trimmed))
  }

  const atMin = shown <= rules.min
  const atMax = shown + rules.step > Math.min(rules.limitMax, rules.stockMax)
  const classes = ['tk-stepper', disabled && 'tk-stepper--disabled', busy && 'tk-stepper--busy', className]
    .filter(Boolean)
    .join(' ')

  return (
    <View style={themeVars} className={classes} {...a11y({ role: 'group', label: name, busy })}>
      <View className="tk-stepper__controls">
        <Pressable
          className="tk-stepper__button tk-stepper__button--minus"
          label={t('stepper.decrease')}
          disabled={disabled || atMin}
          busy={busy}
          onPress={() => change(shown - rules.step)}
        >
          <Text {...a11y({ hidden: true })}>−</Text>
        </Pressable>
        <Input
          className="tk-stepper__input"
          type="number"
          value={draft ?? String(shown)}
          disabled={disabled || busy}
          {...a11y({ label: name })}
          onInput={(event) => setDraft(event.detail.value)}
          onBlur={(event) => commitDraft(event.detail.value)}
          {...confirmWith(commitDraft)}
        />
        <Pressable
          className="tk-stepper__button tk-stepper__button--plus"
          label={t('stepper.increase')}
          disabled={disabled || atMax}
          busy={busy}
          onPress={() => change(shown + rules.step)}
        >
          <Text {...a11y({ hidden: true })}>+</Text>
        </Pressable>
      </View>
      {busy ? <Text className="tk-stepper__sr-only">{t('stepper.updating')}</Text> : null}
      {notice ? (
        <View className="tk-stepper__notice" {...a11y({ role: 'status' })}>
          {notice}
        </View>
      ) : null}
    </View>
  )
}
