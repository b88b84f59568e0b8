import { Text, View } from '@tarojs/components'
import { membershipMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './BenefitList.css'

/** Props of {@link BenefitList}. */
export interface BenefitListProps {
  /** What the plan unlocks (`plan.benefits`). */
  benefits: readonly string[]
  /** The heading. @default '会员权益' (the catalogue's `benefit.title`) */
  title?: string
  /** Extra class of the root. */
  className?: string
}

/**
 * What a membership unlocks, as a list with check marks.
 *
 * @example
 * ```tsx
 * <BenefitList benefits={plan.benefits} />
 * ```
 */
export function BenefitList({ benefits, title, className }: BenefitListProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(membershipMessages)
  const heading = title ?? t('benefit.title')
  return (
    <View style={themeVars} className={className ? `tk-benefit-list ${className}` : 'tk-benefit-list'}>
      <Text className="tk-benefit-list__title">{heading}</Text>
      <View className="tk-benefit-list__items" {...a11y({ role: 'list', label: heading })}>
        {benefits.map((benefit) => (
          <View key={benefit} className="tk-benefit-list__item" {...a11y({ role: 'listitem' })}>
            <Text className="tk-benefit-list__mark" {...a11y({ hidden: true })}>
              ✓
            </Text>
            <Text>{benefit}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
