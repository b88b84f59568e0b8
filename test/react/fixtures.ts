import { money, type Plan } from '@tradekit/core'

// What the react tests share: an app lifecycle to drive by hand, a paid one-line order, a plan.

/** App show/hide driven by the test, counting who listens (shared with the core tests). */
export { fakeLifecycle } from '../core/checkoutFakes'

/** A paid order of one 龙井 at ¥48 (shared with the core tests). */
export { paidOrder } from '../core/orderFakes'

/** A monthly membership plan at ¥12. */
export const monthly: Plan = {
  id: 'vip-month',
  title: '月卡',
  price: money(1200),
  period: { unit: 'month', count: 1 },
  benefits: ['全站畅读'],
}
