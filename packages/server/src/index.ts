// errors
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
export type { HeadersInput } from './http/headers'
export type { FetchLike } from './http/requestJson'
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
