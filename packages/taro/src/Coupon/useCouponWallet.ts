import {
  type ClaimState,
  type CouponsApi,
  type CouponWalletSnapshot,
  createCouponWallet,
  type WalletStatus,
} from '@tradekit/core'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

/** What {@link useCouponWallet} gives. */
export interface UseCouponWalletResult {
  /** The wallet's tabs and claims. */
  snapshot: CouponWalletSnapshot
  /** Loads (again) one tab. */
  load: (status: WalletStatus) => Promise<void>
  /** Claims a coupon: one request per coupon however often it is tapped. */
  claim: (couponId: string) => Promise<ClaimState>
}

/**
 * The user's coupon wallet over the team's {@link CouponsApi}: every tab is loaded on mount (for the
 * counts) and claims are idempotent. Mount it once per user (key it by the user id).
 *
 * @example
 * ```tsx
 * const wallet = useCouponWallet(couponsApi)
 * <CouponWallet tabs={wallet.snapshot.tabs} onRetry={wallet.load} />
 * ```
 */
export function useCouponWallet(api: CouponsApi, options: { load?: boolean } = {}): UseCouponWalletResult {
  const apiRef = useRef(api)
  apiRef.current = api
  const [wallet] = useState(() =>
    createCouponWallet({
      api: {
        listCoupons: (query, ctx) => apiRef.current.listCoupons(query, ctx),
        claimCoupon: (couponId, ctx) => apiRef.current.claimCoupon(couponId, ctx),
      },
    }),
  )
  const shouldLoad = options.load ?? true
  useEffect(() => {
    if (shouldLoad) void wallet.loadAll()
  }, [wallet, shouldLoad])
  // no dispose on unmount: React may mount twice (StrictMode); an unmounted wallet only loses its listeners
  const snapshot = useSyncExternalStore(wallet.subscribe, wallet.getSnapshot, wallet.getSnapshot)
  return { snapshot, load: wallet.load, claim: wallet.claim }
}
