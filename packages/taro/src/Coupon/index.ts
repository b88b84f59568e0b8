// The Coupon components (each exported here as it lands).
export {}
