/** Request or notification parameters: each name once, each value a string. */
export type AlipayParams = Readonly<Record<string, string | undefined>>

function sortedPairs(
  params: AlipayParams,
  skip: (key: string, value: string | undefined) => boolean,
): string {
  return Object.keys(params)
    .filter((key) => !skip(key, params[key]))
    .sort()
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('&')
}

/**
 * The string an Alipay request signs: every parameter except `sign` and those without a value,
 * sorted by name (ASCII order), as raw `name=value` pairs joined by `&` (no URL encoding).
 *
 * @example
 * ```ts
 * alipaySignContent({ method: 'alipay.trade.create', app_id: '2021…', sign_type: 'RSA2', biz_content: '{…}' })
 * // 'app_id=2021…&biz_content={…}&method=alipay.trade.create&sign_type=RSA2'
 * ```
 */
export function alipaySignContent(params: AlipayParams): string {
  return sortedPairs(params, (key, value) => key === 'sign' || value === undefined || value === '')
}

/**
 * The string Alipay signed on an asynchronous notification: every parameter it sent except `sign`
 * and `sign_type`, sorted by name, as decoded `name=value` pairs joined by `&`.
 */
export function alipayVerifyContent(params: AlipayParams): string {
  return sortedPairs(params, (key, value) => key === 'sign' || key === 'sign_type' || value === undefined)
}
