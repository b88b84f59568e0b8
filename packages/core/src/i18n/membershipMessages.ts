const zh = {
  'membership.perPeriod': '{price}/{period}',
  'membership.period.day': '天',
  'membership.period.week': '周',
  'membership.period.month': '月',
  'membership.period.year': '年',
  'membership.periods.day': '{count}天',
  'membership.periods.week': '{count}周',
  'membership.periods.month': '{count}个月',
  'membership.periods.year': '{count}年',
  'membership.approxPerDay': '约 {amount}/天',
  'membership.autoRenew': '自动续费',
  'membership.renewal': '{date} 将自动续费 {amount}',
  'membership.consentRequired': '请先阅读并同意自动续费协议',
  'plan.title': '选择套餐',
  'plan.trial': '前 {days} 天免费',
  'plan.once': '一次开通',
  'benefit.title': '会员权益',
  'autoRenew.title': '自动续费说明',
  'autoRenew.terms': '开通后每{period}自动续费 {price}，于每期到期前 24 小时扣费，可随时取消。',
  'autoRenew.termsHidden': '开通后按周期自动续费，可随时取消。',
  'autoRenew.trial': '免费试用 {days} 天后开始扣费。',
  'autoRenew.cancelRoute': '取消方式：{route}',
  'autoRenew.consent': '我已阅读并同意《自动续费服务协议》',
  'membership.join': '立即开通',
  'membership.joinPrice': '立即开通 {price}',
  'membership.joinRenew': '同意协议并开通 {price}',
  'membership.contactToJoin': '联系客服开通',
  'membership.notAvailable': '当前设备暂不支持此功能',
  'membership.active': '开通成功，会员权益已生效',
  'membership.pending': '开通处理中，稍后会自动生效',
  'membership.noPlans': '暂无可开通的套餐',
  'membership.loadFailed': '套餐加载失败',
  'membership.reload': '重新加载',
  'membership.sheetTitle': '开通会员',
  'membership.close': '关闭',
  'paywall.title': '会员专享内容',
  'paywall.unlock': '开通会员解锁',
  'paywall.hidden': '该内容暂不支持在当前设备查看',
  'paywall.unknown': '暂时无法确认会员状态',
  'paywall.retry': '重新查询',
  'badge.member': '会员',
  'badge.until': '{date} 到期',
} as const satisfies Record<string, string>

/** A key of the membership messages. */
export type MembershipMessageKey = keyof typeof zh

/**
 * The messages of plans, auto-renewal, paywalls and badges, in zh-CN. Components take only the
 * catalogues they show, so a page carries only their text. English is the en-US pack, `enUS` from
 * `@tradekit/core/locales/en-US`, passed as `messages`.
 */
export const membershipMessages: { readonly 'zh-CN': Readonly<Record<MembershipMessageKey, string>> } = {
  'zh-CN': zh,
}
