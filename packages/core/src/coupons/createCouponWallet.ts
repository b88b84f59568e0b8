import { createAborter, withTimeout } from '../checkout/abort'
import { isNetworkError } from '../checkout/effects'
import { idempotencyKey } from '../internal/idempotencyKey'
import { requireMethods } from '../internal/teamApi'
import { createStore, type Store } from '../store/createStore'
import {
  type ClaimState,
  type CouponsApi,
  type CouponWallet,
  type CouponWalletSnapshot,
  WALLET_STATUSES,
  type WalletCoupon,
  type WalletStatus,
  type WalletTab,
} from './types'
import { toClaimedCoupon, toWalletCoupons } from './walletAnswers'

/** Options of {@link createCouponWallet}. */
export interface CouponWalletOptions {
  /** The team's coupon backend. */
  api: CouponsApi
  /** Makes idempotency keys (tests); defaults to a time-and-random key (crypto where the engine has it). */
  createKey?: () => string
  /** How long a list or a claim may take before it fails with `TIMEOUT` (and is aborted). @default 10 s */
  timing?: { readonly requestTimeoutMs?: number }
}

const idle: WalletTab = { status: 'idle', coupons: [] }

const claimKey = () => idempotencyKey('claim')

// The available tab's share of the claims: a coupon claimed goes first in the tab, and one claimed
// while the tab loads goes into what that load lands (its answer may have been made before the claim).
function claimedIntoTab(store: Store<CouponWalletSnapshot>) {
  let claimedWhileLoading: WalletCoupon[] = []
  return {
    add(held: WalletCoupon) {
      const tab = store.getSnapshot().tabs.available
      if (tab.status === 'loading') claimedWhileLoading.push(held)
      if (tab.status !== 'ready') return
      const snapshot = store.getSnapshot()
      store.set({
        ...snapshot,
        tabs: { ...snapshot.tabs, available: { ...tab, coupons: withHeld(tab.coupons, [held]) } },
      })
    },
    /** A load of the available tab starts: what it answers includes every claim that ended before. */
    loading() {
      claimedWhileLoading = []
    },
    /** The available tab's answer, with the coupons claimed while it was on its way. */
    loaded(coupons: readonly WalletCoupon[]) {
      const late = claimedWhileLoading
      claimedWhileLoading = []
      return withHeld(coupons, late)
    },
  }
}

// Claims, one request per coupon at a time, one idempotency key per coupon for the wallet's life.
function createClaims(
  store: Store<CouponWalletSnapshot>,
  api: CouponsApi,
  createKey: () => string,
  timeoutMs: number,
  disposed: () => boolean,
) {
  const running = new Map<string, Promise<ClaimState>>()
  const keys = new Map<string, string>()
  const claimsAbort = createAborter()
  const setClaim = (couponId: string, claim: ClaimState) => {
    const snapshot = store.getSnapshot()
    store.set({ ...snapshot, claims: { ...snapshot.claims, [couponId]: claim } })
  }
  const tab = claimedIntoTab(store)

  async function runClaim(couponId: string): Promise<ClaimState> {
    let key = keys.get(couponId)
    if (!key) {
      key = createKey()
      keys.set(couponId, key)
    }
    setClaim(couponId, { status: 'claiming' })
    let answered = false
    try {
      const answer = await withTimeout(
        (signal) => api.claimCoupon(couponId, { idempotencyKey: key, signal }),
        timeoutMs,
        claimsAbort.signal,
      )
      answered = true
      const held = toClaimedCoupon(answer)
      const claimed: ClaimState = { status: 'claimed', coupon: held }
      if (!disposed()) {
        setClaim(couponId, claimed)
        tab.add(held)
      }
      return claimed
    } catch (error) {
      // no answer, or one that is not a held coupon, tells nothing: the server may have claimed it
      const unconfirmed = answered || isNetworkError(error)
      const failed: ClaimState = { status: 'failed', error, ...(unconfirmed ? { unconfirmed: true } : {}) }
      if (!disposed()) setClaim(couponId, failed)
      return failed
    }
  }

  function claim(couponId: string): Promise<ClaimState> {
    const current = store.getSnapshot().claims[couponId]
    if (current?.status === 'claimed') return Promise.resolve(current)
    const pending = running.get(couponId)
    if (pending) return pending
    const attempt = runClaim(couponId).finally(() => running.delete(couponId))
    running.set(couponId, attempt)
    return attempt
  }

  return { claim, abort: () => claimsAbort.abort(), loading: tab.loading, loaded: tab.loaded }
}

/** `coupons` with the newly held ones first, each coupon once. */
function withHeld(coupons: readonly WalletCoupon[], held: readonly WalletCoupon[]): readonly WalletCoupon[] {
  const fresh = held.filter((entry) => !coupons.some((shown) => shown.coupon.id === entry.coupon.id))
  return fresh.length === 0 ? coupons : [...fresh.reverse(), ...coupons]
}

/**
 * The user's coupon wallet (available / used / expired) and claiming, over the team's
 * {@link CouponsApi}. A store like the cart: `getSnapshot`, `subscribe`, actions.
 *
 * @example
 * ```ts
 * const wallet = createCouponWallet({ api })
 * await wallet.loadAll()
 * await wallet.claim('full-100-20') // one request however often it is tapped
 * ```
 * @throws TradeKitError `INVALID_ARGUMENT` when `api` lacks listCoupons or claimCoupon
 */
export function createCouponWallet(options: CouponWalletOptions): CouponWallet {
  const api = requireMethods<CouponsApi>(options.api, ['listCoupons', 'claimCoupon'], 'createCouponWallet')
  const createKey = options.createKey ?? claimKey
  const timeoutMs = options.timing?.requestTimeoutMs ?? 10_000
  const store = createStore<CouponWalletSnapshot>({
    tabs: { available: idle, used: idle, expired: idle },
    claims: {},
  })
  const loads = new Map<WalletStatus, AbortController>()
  let disposed = false
  const claims = createClaims(store, api, createKey, timeoutMs, () => disposed)

  const setTab = (status: WalletStatus, tab: WalletTab) => {
    const snapshot = store.getSnapshot()
    store.set({ ...snapshot, tabs: { ...snapshot.tabs, [status]: tab } })
  }

  async function load(status: WalletStatus): Promise<void> {
    if (disposed) return
    loads.get(status)?.abort()
    const controller = createAborter()
    loads.set(status, controller)
    if (status === 'available') claims.loading()
    setTab(status, { status: 'loading', coupons: store.getSnapshot().tabs[status].coupons })
    try {
      const answer = await withTimeout(
        (signal) => api.listCoupons({ status }, { signal }),
        timeoutMs,
        controller.signal,
      )
      if (controller.signal.aborted) return
      const coupons = toWalletCoupons(answer, status)
      setTab(status, { status: 'ready', coupons: status === 'available' ? claims.loaded(coupons) : coupons })
    } catch (error) {
      if (controller.signal.aborted) return
      setTab(status, { status: 'failed', coupons: store.getSnapshot().tabs[status].coupons, error })
    } finally {
      if (loads.get(status) === controller) loads.delete(status)
    }
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe(listener) {
      return store.subscribe(() => listener())
    },
    load,
    async loadAll() {
      await Promise.all(WALLET_STATUSES.map((status) => load(status)))
    },
    claim: claims.claim,
    dispose() {
      disposed = true
      for (const controller of loads.values()) controller.abort()
      loads.clear()
      claims.abort()
      store.clear()
    },
  }
}
