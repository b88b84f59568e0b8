import {
  type CartIssue,
  type CouponEvaluation,
  createTranslator,
  describeCouponReason,
  type LineIssue,
  type MessageKey,
  money,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { describe, expect, it } from 'vitest'

const LINE_ISSUES: LineIssue[] = [
  'price_changed',
  'exceeds_stock',
  'sold_out',
  'off_shelf',
  'below_min',
  'over_limit',
]
const CART_ISSUES: CartIssue[] = ['storage_corrupt', 'storage_failed']
const REASONS: NonNullable<CouponEvaluation['reason']>[] = [
  'not_started',
  'expired',
  'no_eligible_lines',
  'below_min_spend',
  'below_threshold',
]

describe('cart and pricing texts', () => {
  it.each(['zh-CN', 'en-US'] as const)('has a %s text for every line and cart issue', (locale) => {
    const t = createTranslator({ locale, messages: locale === 'en-US' ? enUS : undefined })
    for (const issue of [...LINE_ISSUES, ...CART_ISSUES]) {
      expect(t(`cart.issue.${issue}` as MessageKey).trim(), issue).not.toBe('')
    }
  })

  it.each(['zh-CN', 'en-US'] as const)(
    'has a %s text for every coupon reason, with its shortfall',
    (locale) => {
      const t = createTranslator({ locale, messages: locale === 'en-US' ? enUS : undefined })
      for (const reason of REASONS) {
        const evaluation: CouponEvaluation = {
          coupon: { id: 'c', kind: 'amount', amountOff: money(100) },
          applicable: false,
          discount: money(0),
          reason,
          shortfall: money(1200),
          lineIds: [],
        }
        const text = describeCouponReason(evaluation, t, { locale })
        expect(text, reason).toBeTruthy()
        expect(text).not.toMatch(/\{\w+\}/)
        if (reason.startsWith('below_')) expect(text).toContain('¥12')
      }
    },
  )
})
