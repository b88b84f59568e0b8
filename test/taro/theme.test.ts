import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defaultTheme, type Theme, tokenVariable } from '@tradekit/taro'
import { describe, expect, it } from 'vitest'

// tokens.css carries the default theme twice (mini-program `page` and the web's `:root`); theme.ts
// carries it for `themeStyle`. The three must agree, token for token.
const css = readFileSync(resolve(__dirname, '../../packages/taro/src/theme/tokens.css'), 'utf8')

function blocks(): Record<string, string>[] {
  return [...css.matchAll(/\{([^}]*)\}/g)].map(([, body]) =>
    Object.fromEntries(
      [...(body ?? '').matchAll(/(--tk-[a-z-]+):\s*([^;]+);/g)].map(([, name, value]) => [
        name,
        (value ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    ),
  )
}

describe('the default theme', () => {
  it('is the same in tokens.css (both rules) and in theme.ts', () => {
    const expected = Object.fromEntries(
      (Object.keys(defaultTheme) as (keyof Theme)[]).map((name) => [tokenVariable(name), defaultTheme[name]]),
    )
    const found = blocks()
    expect(found).toHaveLength(2)
    for (const block of found) expect(block).toEqual(expected)
  })
})
