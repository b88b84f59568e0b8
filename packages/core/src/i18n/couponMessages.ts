const zh = {
  'couponWallet.title': '我的优惠券',
  'couponWallet.tab.available': '可使用（{count}）',
  'couponWallet.tab.used': '已使用（{count}）',
  'couponWallet.tab.expired': '已过期（{count}）',
  'couponWallet.tabName.available': '可使用',
  'couponWallet.tabName.used': '已使用',
  'couponWallet.tabName.expired': '已过期',
  'couponWallet.empty.available': '暂无可用优惠券',
  'couponWallet.empty.used': '还没有用过优惠券',
  'couponWallet.empty.expired': '没有过期的优惠券',
  'couponWallet.loading': '正在加载优惠券',
  'couponWallet.failed': '优惠券加载失败',
  'couponWallet.retry': '重新加载',
  'couponWallet.percent': '{percent}%',
  'couponWallet.noThreshold': '无门槛',
  'couponWallet.threshold': '满{amount}可用',
  'couponWallet.validUntil': '有效期至 {until}',
  'couponWallet.validRange': '{from} 至 {until}',
  'couponWallet.validFrom': '{from} 起可用',
  'couponWallet.noExpiry': '长期有效',
  'couponWallet.status.used': '已使用',
  'couponWallet.status.expired': '已过期',
  'couponWallet.status.claimed': '已领取',
  'couponWallet.claim': '领取',
  'couponWallet.claimLabel': '领取{title}',
  'couponWallet.claimFailed': '领取失败，请重试',
  'couponWallet.claimUnconfirmed': '网络不稳定，未能确认是否领到，请再试一次',
  'couponWallet.use': '去使用',
  'couponWallet.useLabel': '去使用{title}',
}

/** A key of the catalogue part for the coupon wallet (CouponWallet, CouponTicket, claiming). */
export type CouponMessageKey = keyof typeof zh

/**
 * The text of the coupon wallet (CouponWallet, CouponTicket, claiming), in zh-CN. English is the en-US
 * pack, `enUS` from `@tradekit/core/locales/en-US`, passed as `messages`.
 */
export const couponMessages: { readonly 'zh-CN': Readonly<Record<CouponMessageKey, string>> } = {
  'zh-CN': zh,
}
