import { normalizeItem } from '../cart/normalizeItem'
import type { CartItem } from '../cart/types'
import { isTradeKitError } from '../errors/TradeKitError'
import { invalid, isRecord } from './checkSku'
import { skuSelection } from './skuSelection'
import type { SkuChoice, SkuMatrix, SkuProduct } from './types'

/**
 * The cart item of a complete choice: the SKU's id, prices, stock, quantity rules and status, the
 * product's title, kind and options, the chosen values as `attributes` (颜色: 黑, in group order) and
 * the picture for the choice (the SKU's, else the chosen value's, else the product's).
 * `undefined` while the choice is incomplete or names a combination without a SKU. A sold-out SKU
 * still gives its item; the cart refuses to add it (`{ ok: false, issue: 'sold_out' }`).
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for a matrix not made by {@link skuMatrix}, a bad choice
 *   or a bad product (the cart's own error is the `cause`)
 * @example
 * ```ts
 * const item = cartItemOf(matrix, { color: 'black', size: 'm' }, { title: '纯棉T恤' })
 * // { skuId: 'tee-bm', title: '纯棉T恤', price: ¥39.00, stock: 5,
 * //   attributes: [{ name: '颜色', value: '黑' }, { name: '尺码', value: 'M' }] }
 * if (item) cart.add(item, quantity)
 * ```
 */
export function cartItemOf(matrix: SkuMatrix, choice: SkuChoice, product: SkuProduct): CartItem | undefined {
  const selection = skuSelection(matrix, choice)
  if (!isRecord(product))
    invalid(process.env.NODE_ENV !== 'production' ? 'product must be an object { title }' : undefined)
  const sku = selection.sku
  if (!sku) return undefined
  const { specs: _specs, ...fields } = sku
  const image = selection.image ?? product.image
  const item: CartItem = {
    ...fields,
    title: product.title,
    ...(image === undefined ? {} : { image }),
    ...(product.kind === undefined ? {} : { kind: product.kind }),
    ...(product.options === undefined ? {} : { options: product.options }),
    attributes: selection.attributes,
  }
  try {
    return normalizeItem(item, sku.price.currency)
  } catch (error) {
    return invalid(
      process.env.NODE_ENV !== 'production'
        ? `product: ${isTradeKitError(error) ? error.message : String(error)}`
        : undefined,
      error,
    )
  }
}
