// The en-US locale pack: every TradeKit text in English. It is not part of `@tradekit/core`'s main
// entry, so a zh-CN app carries no English; an English app imports it and passes it as `messages`.
import type { Messages } from '../../i18n/messages'
import { addressEnUS } from './address'
import { checkoutEnUS } from './checkout'
import { couponEnUS } from './coupon'
import { goodsEnUS } from './goods'
import { membershipEnUS } from './membership'
import { orderEnUS } from './order'
import { skuEnUS } from './sku'

/**
 * The whole en-US catalogue: every key of every part (the compiler checks none is missing). Pass it
 * as the `messages` of `TradeProvider`, `ConfigProvider` or `createTranslator` with `locale: 'en-US'`;
 * a team's own overrides go over it.
 *
 * @example
 * ```tsx
 * import { enUS } from '@tradekit/core/locales/en-US'
 *
 * <TradeProvider locale="en-US" messages={enUS}>…</TradeProvider>
 * <ConfigProvider locale="en-US" messages={{ ...enUS, 'cart.total': 'Sum' }}>…</ConfigProvider>
 * const t = createTranslator({ locale: 'en-US', messages: enUS })
 * ```
 */
export const enUS: Messages = {
  ...goodsEnUS,
  ...checkoutEnUS,
  ...membershipEnUS,
  ...orderEnUS,
  ...skuEnUS,
  ...addressEnUS,
  ...couponEnUS,
}
