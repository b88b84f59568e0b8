/** The parts of a request (or of `tt.requestOrder`'s data) a Douyin signature covers. */
export interface DouyinSignedParts {
  /** Upper-case HTTP method; `POST` for `tt.requestOrder`. */
  method: string
  /** The URI without the host, starting with `/`; `/requestOrder` for `tt.requestOrder`. */
  uri: string
  /** Seconds since the epoch. */
  timestamp: string
  nonce: string
  /** The exact body (the `data` string for `tt.requestOrder`); `''` for GET. */
  body: string
}

/**
 * The five-line message a developer signs for Douyin (method, URI, timestamp, nonce, body — each
 * followed by `\n`): requests to the open platform and `tt.requestOrder`'s `data`.
 */
export function douyinSignMessage(parts: DouyinSignedParts): string {
  return `${parts.method}\n${parts.uri}\n${parts.timestamp}\n${parts.nonce}\n${parts.body}\n`
}

/**
 * The three-line message Douyin signs on its callbacks and answers (timestamp, nonce, body — each
 * followed by `\n`), from the `Byte-Timestamp`, `Byte-Nonce-Str` headers and the raw body.
 */
export function douyinVerifyMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`
}

/** The fields of a `byteAuthorization` / `Byte-Authorization` value. */
export interface ByteAuthorizationParts {
  appId: string
  nonce: string
  timestamp: string
  /** The version of the application public key uploaded to the console (密钥设置). */
  keyVersion: string
  /** Base64 SHA256withRSA signature of {@link douyinSignMessage}. */
  signature: string
}

/**
 * `SHA256-RSA2048 appid=…,nonce_str=…,timestamp=…,key_version=…,signature=…`: the
 * `byteAuthorization` of `tt.requestOrder` and the `Byte-Authorization` header of signed requests.
 */
export function byteAuthorization(parts: ByteAuthorizationParts): string {
  return (
    `SHA256-RSA2048 appid=${parts.appId},nonce_str=${parts.nonce},timestamp=${parts.timestamp},` +
    `key_version=${parts.keyVersion},signature=${parts.signature}`
  )
}
