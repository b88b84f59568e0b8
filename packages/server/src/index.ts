// errors

// Alipay
export { type AlipayParams, alipaySignContent, alipayVerifyContent } from './alipay/alipaySignContent'
export {
  type Alipay,
  type AlipayConfig,
  type AlipayNotification,
  type AlipayRefund,
  type AlipayRefundInput,
  type AlipayTrade,
  type AlipayTradeInput,
  createAlipay,
} from './alipay/createAlipay'
// keys, replay protection, money
export type { PrivateKeyInput, PublicKeyInput } from './crypto/keys'
// Douyin guaranteed payment (担保支付)
export {
  createDouyinPay,
  type DouyinPay,
  type DouyinPayCallback,
  type DouyinPayConfig,
  type DouyinPayOrder,
  type DouyinPayOrderInfo,
  type DouyinPayOrderInput,
} from './douyin/createDouyinPay'
// Douyin general trading system
export {
  createDouyinTrade,
  type DouyinCallback,
  type DouyinOrder,
  type DouyinOrderInput,
  type DouyinPaymentEvent,
  type DouyinRefund,
  type DouyinRefundEvent,
  type DouyinRefundInput,
  type DouyinRequestOrderPayload,
  type DouyinSchema,
  type DouyinSkuInput,
  type DouyinTrade,
  type DouyinTradeConfig,
} from './douyin/createDouyinTrade'
export { douyinPayCallbackSignature, douyinPaySign } from './douyin/douyinPaySign'
export {
  type ByteAuthorizationParts,
  byteAuthorization,
  type DouyinSignedParts,
  douyinSignMessage,
  douyinVerifyMessage,
} from './douyin/douyinSignature'
export {
  isServerError,
  isVerificationError,
  SERVER_ERROR_CODES,
  ServerError,
  type ServerErrorCode,
  type ServerErrorData,
  VERIFICATION_ERROR_CODES,
  VerificationError,
  type VerificationErrorCode,
} from './errors/ServerError'
// http
export type { CallbackAnswer, RawCallback } from './http/callback'
export type { HeadersInput } from './http/headers'
export type { FetchLike } from './http/requestJson'
export type { Money } from './money/money'
export { DEFAULT_WINDOW_MS, type FreshnessOptions } from './replay/freshness'
export { type MemoryNonceStoreOptions, memoryNonceStore, type NonceStore } from './replay/memoryNonceStore'
// login and sessions
export {
  type Code2SessionConfig,
  type DouyinLoginCode,
  douyinCode2Session,
  type PlatformSession,
  wechatCode2Session,
} from './session/code2Session'
export {
  createSessionTokens,
  type SessionClaims,
  type SessionData,
  type SessionKey,
  type SessionTokens,
  type SessionTokensOptions,
} from './session/createSessionTokens'
// WeChat Pay v3
export {
  createWechatPay,
  type WechatPay,
  type WechatPayConfig,
  type WechatPaymentParams,
  type WechatPayNotification,
  type WechatPrepayInput,
  type WechatRefund,
  type WechatRefundInput,
  type WechatTradeState,
  type WechatTransaction,
} from './wechat/createWechatPay'
export { decryptWechatPayResource, type WechatPayEncryptedResource } from './wechat/decryptWechatPayResource'
export {
  type WechatPayRequestParts,
  wechatPayMessage,
  wechatPayRequestMessage,
} from './wechat/wechatPayMessage'
