/// <reference types="@tarojs/taro" />

/** The merchant server's origin for mini-program builds (config/index.ts, `MERCHANT_URL`). */
declare const MINI_SHOP_MERCHANT_URL: string
/** True when the build pays through the platform's real cashier (`TRADEKIT_REAL_CASHIER=1`). */
declare const MINI_SHOP_REAL_CASHIER: boolean

declare module '*.css'
