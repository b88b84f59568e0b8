/**
 * A fresh idempotency key, `<prefix>-<time>-<random>`: the time in base 36 and 96 random bits from
 * the engine's `crypto.getRandomValues` where it has one (every mini-program base library and
 * browser TradeKit targets), else `Math.random`.
 */
export function idempotencyKey(prefix = 'tk'): string {
  let random = ''
  const crypto = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto
  if (crypto?.getRandomValues) {
    for (const n of crypto.getRandomValues(new Uint32Array(3))) random += n.toString(36)
  } else {
    for (let i = 0; i < 3; i++) random += Math.floor(Math.random() * 0xffffffff).toString(36)
  }
  return `${prefix}-${Date.now().toString(36)}-${random}`
}
