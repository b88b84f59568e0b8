import { Text, View } from '@tarojs/components'
import {
  type CouponEvaluation,
  checkoutMessages,
  describeCoupon,
  describeCouponReason,
  formatMoney,
  goodsMessages,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { a11y } from '../internal/a11y'
import { pressKeys } from '../internal/keyboard'
import { RadioMark } from '../internal/RadioMark'
import { Tag } from '../Tag/Tag'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './CouponPicker.css'

/** Props of {@link CouponPicker}. */
export interface CouponPickerProps {
  /** Every held coupon with its evaluation (`quote.coupons` of `useCartQuote`), in the order to show. */
  coupons: readonly CouponEvaluation[]
  /** The applied coupon's id (`quote.couponId`: the best one until the user picks), `null` for none. */
  value: string | null
  /** Called with the picked coupon's id, or `null` for "no coupon". */
  onChange: (couponId: string | null) => void
  /** The id of the best coupon, marked "best" (`priceCart` picks it when no coupon was chosen). */
  bestId?: string | null
  /** Extra class of the root. */
  className?: string
}

function Option({
  checked,
  disabled = false,
  label,
  onSelect,
  children,
}: {
  checked: boolean
  disabled?: boolean
  label: string
  onSelect: () => void
  children: ReactNode
}) {
  const keyboard = pressKeys(onSelect, disabled)
  const classes = [
    'tk-coupon-picker__option',
    checked && 'tk-coupon-picker__option--checked',
    disabled && 'tk-coupon-picker__option--disabled',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={classes}
      onClick={disabled ? undefined : onSelect}
      {...a11y({ role: 'radio', label, checked, disabled })}
      {...keyboard}
    >
      <RadioMark checked={checked} />
      <View className="tk-coupon-picker__body" {...a11y({ hidden: true })}>
        {children}
      </View>
    </View>
  )
}

/**
 * The coupons the user holds: the ones that apply now (with what each takes off, the best one
 * marked and preselected by the quote) and, below, the ones that do not, each with its reason
 * ("还差¥12可用", "已过期"). A radio group; "no coupon" is an option too.
 *
 * @example
 * ```tsx
 * const [couponId, setCouponId] = useState<string | null | undefined>(undefined) // undefined: the best
 * const quote = useCartQuote({ coupons, couponId })
 * <CouponPicker coupons={quote.coupons} value={quote.couponId} onChange={setCouponId} />
 * ```
 */
export function CouponPicker({ coupons, value, onChange, bestId, className }: CouponPickerProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(checkoutMessages, goodsMessages)
  const available = coupons.filter((entry) => entry.applicable)
  const unavailable = coupons.filter((entry) => !entry.applicable)
  const money = (entry: CouponEvaluation) => formatMoney(entry.discount, { locale, trimZeros: true })

  return (
    <View
      style={themeVars}
      className={className ? `tk-section tk-coupon-picker ${className}` : 'tk-section tk-coupon-picker'}
    >
      <Text className="tk-section__title">{t('coupon.title')}</Text>
      <View className="tk-coupon-picker__group" {...a11y({ role: 'radiogroup', label: t('coupon.title') })}>
        {available.map((entry) => {
          const rule = describeCoupon(entry.coupon, t, { locale })
          const title = entry.coupon.title ?? rule
          const saves = t('coupon.saves', { amount: money(entry) })
          const best = entry.coupon.id === bestId
          const label = [title, best ? t('coupon.best') : null, rule !== title ? rule : null, saves]
            .filter(Boolean)
            .join(t('a11y.separator'))
          return (
            <Option
              key={entry.coupon.id}
              checked={value === entry.coupon.id}
              label={label}
              onSelect={() => onChange(entry.coupon.id)}
            >
              <View className="tk-coupon-picker__head">
                <Text className="tk-coupon-picker__name">{title}</Text>
                {best ? (
                  <Tag tone="primary" variant="solid">
                    {t('coupon.best')}
                  </Tag>
                ) : null}
              </View>
              {rule !== title ? <Text className="tk-coupon-picker__rule">{rule}</Text> : null}
              <Text className="tk-coupon-picker__saves">{saves}</Text>
            </Option>
          )
        })}
        <Option checked={value === null} label={t('coupon.none')} onSelect={() => onChange(null)}>
          <Text className="tk-coupon-picker__name">{t('coupon.none')}</Text>
        </Option>
      </View>
      {unavailable.length > 0 ? (
        <View
          className="tk-coupon-picker__unavailable"
          {...a11y({ role: 'list', label: t('coupon.unavailableGroup', { count: unavailable.length }) })}
        >
          <Text className="tk-coupon-picker__subtitle" {...a11y({ hidden: true })}>
            {t('coupon.unavailableGroup', { count: unavailable.length })}
          </Text>
          {unavailable.map((entry) => {
            const rule = describeCoupon(entry.coupon, t, { locale })
            const title = entry.coupon.title ?? rule
            const reason = describeCouponReason(entry, t, { locale })
            return (
              <View key={entry.coupon.id} className="tk-coupon-picker__item" {...a11y({ role: 'listitem' })}>
                <Text className="tk-coupon-picker__name">{title}</Text>
                {rule !== title ? <Text className="tk-coupon-picker__rule">{rule}</Text> : null}
                {reason ? <Text className="tk-coupon-picker__reason">{reason}</Text> : null}
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
