import { type AddressMessageKey, addressMessages } from './addressMessages'
import { type CheckoutMessageKey, checkoutMessages } from './checkoutMessages'
import { type CouponMessageKey, couponMessages } from './couponMessages'
import { type GoodsMessageKey, goodsMessages } from './goodsMessages'
import type { Locale } from './locale'
import { type MembershipMessageKey, membershipMessages } from './membershipMessages'
import { type OrderMessageKey, orderMessages } from './orderMessages'
import { type SkuMessageKey, skuMessages } from './skuMessages'

export { type AddressMessageKey, addressMessages } from './addressMessages'
export { type CheckoutMessageKey, checkoutMessages } from './checkoutMessages'
export { type CouponMessageKey, couponMessages } from './couponMessages'
export { type GoodsMessageKey, goodsMessages } from './goodsMessages'
export { LOCALES, type Locale } from './locale'
export { type MembershipMessageKey, membershipMessages } from './membershipMessages'
export { type OrderMessageKey, orderMessages } from './orderMessages'
export { type SkuMessageKey, skuMessages } from './skuMessages'

/** A key of the message catalogue. */
export type MessageKey =
  | GoodsMessageKey
  | CheckoutMessageKey
  | MembershipMessageKey
  | OrderMessageKey
  | SkuMessageKey
  | AddressMessageKey
  | CouponMessageKey

/** A whole catalogue: one template per key. */
export type Messages = Readonly<Record<MessageKey, string>>

/**
 * One part of the catalogue (`goodsMessages`, `checkoutMessages`, `membershipMessages`, …) by locale.
 * TradeKit's parts hold zh-CN only; other locales' text comes in as `messages` (the en-US pack:
 * `enUS` from `@tradekit/core/locales/en-US`). Templates take `{name}` parameters.
 */
export type Catalogue = Readonly<Partial<Record<Locale, Partial<Messages>>>>

/**
 * The whole zh-CN catalogue: every user-facing string of every TradeKit component (the parts
 * joined; a bundle that does not use it carries only the parts its components show).
 */
export const zhCN: Messages = /* @__PURE__ */ (() => ({
  ...goodsMessages['zh-CN'],
  ...checkoutMessages['zh-CN'],
  ...membershipMessages['zh-CN'],
  ...orderMessages['zh-CN'],
  ...skuMessages['zh-CN'],
  ...addressMessages['zh-CN'],
  ...couponMessages['zh-CN'],
}))()
