import { type CartStore, createCart } from '@tradekit/core'
import { taroStorage } from '@tradekit/taro'

const carts = new Map<string, CartStore>()

/**
 * The one cart of a namespace for every TradeKit native component of the mini-program: the
 * components share one bundle (runtime, vendors and common chunks), so this module exists once and
 * a product card's add shows in every `tk-cart` and `tk-checkout-bar`. Kept in the platform's
 * storage (`tradekit:<namespace>:guest:cart`), so it survives a relaunch.
 */
export function sharedCart(namespace = 'default'): CartStore {
  let cart = carts.get(namespace)
  if (!cart) {
    cart = createCart({ storage: taroStorage(), namespace })
    carts.set(namespace, cart)
  }
  return cart
}
