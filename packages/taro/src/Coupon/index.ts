// The Coupon components (each exported here as it lands).
export { CouponTicket, type CouponTicketProps, type CouponTicketState } from './CouponTicket'
export { CouponWallet, type CouponWalletProps } from './CouponWallet'
export { type UseCouponWalletResult, useCouponWallet } from './useCouponWallet'
