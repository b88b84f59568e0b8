import type { CartItem } from '@tradekit/core'
import type { ProductCardProduct } from '@tradekit/taro'
import type { CatalogueItem } from './api'

/** A catalogue entry as a cart item (what the cart stores and ProductCard shows). */
export function toProduct(item: CatalogueItem): ProductCardProduct {
  const product: CartItem = {
    skuId: item.skuId,
    title: item.title,
    price: item.price,
    kind: item.kind,
    ...(item.originalPrice ? { originalPrice: item.originalPrice } : {}),
    ...(item.memberPrice ? { memberPrice: item.memberPrice } : {}),
    ...(item.stock !== undefined && item.stock !== null ? { stock: item.stock } : {}),
    ...(item.maxQuantity ? { maxQuantity: item.maxQuantity } : {}),
    ...(item.status ? { status: item.status } : {}),
    ...(item.attributes ? { attributes: item.attributes } : {}),
    ...(item.image ? { image: item.image } : {}),
  }
  return product
}
