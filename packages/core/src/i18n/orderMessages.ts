import type { Locale } from './locale'

const zh = {
  'orders.title': '我的订单',
}

/** A key of the catalogue part for the order centre (OrderList, OrderCard, OrderDetail, RefundSheet, RefundProgress, BuyAgainButton). */
export type OrderMessageKey = keyof typeof zh

/** The text of the order centre (OrderList, OrderCard, OrderDetail, RefundSheet, RefundProgress, BuyAgainButton), in every shipped locale. */
export const orderMessages: Readonly<Record<Locale, Readonly<Record<OrderMessageKey, string>>>> = {
  'zh-CN': zh,
  'en-US': {
    'orders.title': 'My orders',
  },
}
