import { createHash } from 'node:crypto'

/** Request parameters Douyin's guaranteed payment leaves out of the signature. */
const UNSIGNED = new Set(['app_id', 'thirdparty_id', 'sign', 'other_settle_params'])

/**
 * The `sign` of a Douyin guaranteed payment (担保支付) request: the values (not the names) of every
 * parameter except `app_id`, `thirdparty_id`, `sign` and `other_settle_params`, each trimmed (one
 * pair of surrounding quotes dropped), empty and `"null"` values left out, the payment SALT added,
 * sorted as strings, joined with `&`, MD5 in lower-case hex.
 *
 * @example
 * ```ts
 * douyinPaySign({ app_id: 'tt…', out_order_no: 'ord_1', total_amount: 990, subject: 'Tea' }, salt)
 * // md5('990&Tea&<salt>&ord_1') sorted: md5 of the values and the salt in string order
 * ```
 */
export function douyinPaySign(params: Readonly<Record<string, unknown>>, salt: string): string {
  const values: string[] = []
  for (const [key, raw] of Object.entries(params)) {
    if (UNSIGNED.has(key) || raw === undefined || raw === null) continue
    let value = (typeof raw === 'object' ? JSON.stringify(raw) : String(raw)).trim()
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    value = value.trim()
    if (value === '' || value === 'null') continue
    values.push(value)
  }
  values.push(salt)
  // Java's String order (UTF-16 code units), which is what JavaScript's default sort compares.
  values.sort()
  return createHash('md5').update(values.join('&'), 'utf8').digest('hex')
}

/**
 * The `msg_signature` of a Douyin guaranteed payment callback: SHA-1, lower-case hex, of the
 * callback token, `timestamp`, `nonce` and `msg` sorted as strings and concatenated.
 */
export function douyinPayCallbackSignature(
  token: string,
  timestamp: string,
  nonce: string,
  msg: string,
): string {
  return createHash('sha1').update([token, timestamp, nonce, msg].sort().join(''), 'utf8').digest('hex')
}
