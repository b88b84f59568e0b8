const zh = {
  'sku.title': '选择规格',
  'sku.close': '关闭',
  'sku.choose': '请选择 {groups}',
  'sku.chosen': '已选 {values}',
  'sku.listJoin': '{list} {item}',
  'sku.noImage': '暂无图片',
  'sku.priceRange': '现价 {min} 至 {max}',
  'sku.stock': '库存 {stock} 件',
  'sku.lowStock': '仅剩 {stock} 件',
  'sku.limit': '每人限购 {limit} 件',
  'sku.atLimit': '已达每人限购数量',
  'sku.quantity': '购买数量',
  'sku.skuSoldOut': '该规格已售罄',
  'sku.noSku': '该规格组合暂不可选',
  'sku.allSoldOut': '商品已售罄',
  'sku.notAvailable': '当前设备暂不支持此功能',
  'sku.chooseSpecs': '选择规格',
  'detail.gallery': '商品图片',
  'detail.galleryItem': '第 {index} 张，共 {count} 张',
  'detail.memberPrice': '会员价',
  'detail.originalPrice': '原价',
  'detail.specs': '规格',
  'detail.services': '服务',
  'detail.support': '客服',
  'detail.cart': '购物车',
  'detail.cartCount': '购物车，{count} 件商品',
  'detail.actions': '商品操作',
} as const satisfies Record<string, string>

/** A key of the catalogue part for choosing what to buy (SkuSelector, ProductDetail blocks). */
export type SkuMessageKey = keyof typeof zh

/**
 * The text of choosing what to buy (SkuSelector, ProductDetail blocks), in zh-CN. English is the en-US
 * pack, `enUS` from `@tradekit/core/locales/en-US`, passed as `messages`.
 */
export const skuMessages: { readonly 'zh-CN': Readonly<Record<SkuMessageKey, string>> } = { 'zh-CN': zh }
