// The id of a cart line, mirrored from TradeKit's client (`@tradekit/core`'s `cartLineId`, in
// packages/core/src/cart/cartLineId.ts): this server does not depend on @tradekit/core, and
// test/lineId.test.ts proves the two give the same id. The client maps the lines of a quote (and of
// the quote in a PRICE_CHANGED error) back to its cart lines by this id, so they must be equal.
//
// The hash is cyrb53, a public-domain 53-bit string hash by bryc
// (https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js), with the seeds the
// client uses, printed in base 36.

// The options' JSON with the keys sorted (the default string sort, as the client sorts them), so
// { a, b } and { b, a } give one text. The server accepts only string values (see
// parseOrderRequest), for which this is exactly the client's canonical JSON.
function canonical(options: Readonly<Record<string, string>>): string {
  const keys = Object.keys(options).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(options[key])}`).join(',')}}`
}

// cyrb53, as in the client: do not change a constant, or no quote line matches a cart line.
function hash53(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * The id of a quote line, the client's cart line id: the skuId when the line has no options (or
 * they are empty), else `skuId~<hash>` with the cyrb53 hash of the options' canonical JSON (key
 * order does not matter, so two bookings of one consultation stay two lines).
 */
export function lineIdOf(skuId: string, options?: Readonly<Record<string, string>>): string {
  if (options === undefined || Object.keys(options).length === 0) return skuId
  return `${skuId}~${hash53(canonical(options))}`
}
