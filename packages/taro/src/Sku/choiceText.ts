import type { SkuSelection, Translate } from '@tradekit/core'

/** Why the actions are disabled, or `null` when the choice can be bought. */
export function blockedReason(selection: SkuSelection, whole: SkuSelection, t: Translate): string | null {
  if (!whole.priceRange) return t('sku.allSoldOut')
  if (!selection.complete) return chooseText(selection, t)
  if (!selection.sku) return t('sku.noSku')
  if (!selection.buyable) return t('sku.skuSoldOut')
  return null
}

/** "请选择 颜色 尺码" while groups are missing, else "已选 黑 L". */
export function choiceText(selection: SkuSelection, t: Translate): string {
  if (!selection.complete) return chooseText(selection, t)
  return t('sku.chosen', {
    values: listOf(
      selection.attributes.map((attribute) => attribute.value),
      t,
    ),
  })
}

/** Names joined the locale's way ("颜色 尺码", "Colour, Size"). */
function listOf(names: readonly string[], t: Translate): string {
  return names.length === 0 ? '' : names.reduce((list, item) => t('sku.listJoin', { list, item }))
}

function chooseText(selection: SkuSelection, t: Translate): string {
  return t('sku.choose', {
    groups: listOf(
      selection.missing.map((group) => group.name),
      t,
    ),
  })
}
