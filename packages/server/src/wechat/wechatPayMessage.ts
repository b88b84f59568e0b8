/**
 * A WeChat Pay v3 signing message: each line followed by `\n`, the last one included. Requests sign
 * five lines (method, URL, timestamp, nonce, body), `wx.requestPayment` four (appId, timeStamp,
 * nonceStr, package), callbacks and answers three (timestamp, nonce, body).
 *
 * @example
 * ```ts
 * wechatPayMessage(['GET', '/v3/certificates', '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242', ''])
 * // 'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n'
 * ```
 */
export function wechatPayMessage(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('')
}

/** The parts of a request the `Authorization` signature covers. */
export interface WechatPayRequestParts {
  /** Upper-case HTTP method. */
  method: string
  /** The absolute URL without scheme and host: path, and `?query` when there is one. */
  url: string
  /** Seconds since the epoch. */
  timestamp: string
  nonce: string
  /** The exact JSON body sent; `''` for GET. */
  body: string
}

/** The five-line message a WeChat Pay v3 request signs. */
export function wechatPayRequestMessage(parts: WechatPayRequestParts): string {
  return wechatPayMessage([parts.method, parts.url, parts.timestamp, parts.nonce, parts.body])
}
