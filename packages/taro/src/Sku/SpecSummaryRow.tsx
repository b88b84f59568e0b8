import { Text, View } from '@tarojs/components'
import { goodsMessages, type SkuChoice, type SkuMatrix, skuMessages, skuSelection } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useMemo } from 'react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import { choiceText } from './choiceText'
import './SpecSummaryRow.css'

/** Props of {@link SpecSummaryRow}. */
export interface SpecSummaryRowProps {
  /** The product's spec groups and SKUs, from `skuMatrix`. */
  matrix: SkuMatrix
  /** The choice so far (the selector's). */
  value: SkuChoice
  /** Opens the selector. */
  onPress: () => void
  /** Extra class of the root. */
  className?: string
}

/**
 * The product page's "规格" row: the current choice ("已选 黑色 L") or what is left to choose
 * ("请选择 颜色 尺码"); pressing it opens the selector.
 *
 * @example
 * ```tsx
 * <SpecSummaryRow matrix={matrix} value={choice} onPress={() => setSelectorOpen(true)} />
 * ```
 */
export function SpecSummaryRow({ matrix, value, onPress, className }: SpecSummaryRowProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(skuMessages, goodsMessages)
  const selection = useMemo(() => skuSelection(matrix, value), [matrix, value])
  const text = choiceText(selection, t)
  return (
    <View style={themeVars} className={className ? `tk-spec-row ${className}` : 'tk-spec-row'}>
      {/* the label beside the button (a tap on it opens too): the button's name is its visible text */}
      <Text className="tk-spec-row__label" onClick={onPress}>
        {t('detail.specs')}
      </Text>
      <Pressable className="tk-spec-row__button" onPress={onPress}>
        <Text
          className={
            selection.complete ? 'tk-spec-row__value' : 'tk-spec-row__value tk-spec-row__value--missing'
          }
        >
          {text}
        </Text>
        <Text className="tk-spec-row__more" {...a11y({ hidden: true })}>
          ›
        </Text>
      </Pressable>
    </View>
  )
}
