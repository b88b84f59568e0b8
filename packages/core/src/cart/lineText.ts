import type { CartLine } from './types'

// Lines are frozen, so a line's JSON never changes: each is serialised once, however many writes or
// comparisons follow (a write re-serialises only the lines that changed since the last one).
const lineTexts = new WeakMap<CartLine, string>()

/** `JSON.stringify(line)`, made once per line object. */
export function lineText(line: CartLine): string {
  let text = lineTexts.get(line)
  if (text === undefined) {
    text = JSON.stringify(line)
    lineTexts.set(line, text)
  }
  return text
}
