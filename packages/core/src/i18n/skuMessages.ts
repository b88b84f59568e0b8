import type { Locale } from './locale'

const zh = {
  'sku.title': '选择规格',
}

/** A key of the catalogue part for choosing what to buy (SkuSelector, ProductDetail blocks). */
export type SkuMessageKey = keyof typeof zh

/** The text of choosing what to buy (SkuSelector, ProductDetail blocks), in every shipped locale. */
export const skuMessages: Readonly<Record<Locale, Readonly<Record<SkuMessageKey, string>>>> = {
  'zh-CN': zh,
  'en-US': {
    'sku.title': 'Choose options',
  },
}
