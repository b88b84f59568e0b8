import { useDidShow } from '@tarojs/taro'
import { CouponWallet, useCouponWallet } from '@tradekit/taro'
import { useRef } from 'react'
import { ShopPage } from '../../../components/ShopPage'
import { couponsApi } from '../../../trade/coupons'
import { goHome } from '../../../trade/navigation'

/**
 * 我的优惠券: TradeKit's CouponWallet over the merchant server's coupons — available (with why one
 * cannot be used yet), used and expired, each with its validity; 去使用 goes shopping.
 */
export default function CouponsPage() {
  const wallet = useCouponWallet(couponsApi)
  // back from the shop (a coupon claimed or used there): read every tab again
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current)
      for (const status of ['available', 'used', 'expired'] as const) void wallet.load(status)
    shown.current = true
  })
  return (
    <ShopPage>
      <CouponWallet tabs={wallet.snapshot.tabs} onRetry={wallet.load} onUse={() => goHome()} />
    </ShopPage>
  )
}
