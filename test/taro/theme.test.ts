import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defaultTheme, type Theme, tokenVariable } from '@tradekit/taro'
import { describe, expect, it } from 'vitest'
import { darkTheme } from '../../packages/taro/src/theme/theme'

// tokens.css carries the default theme twice (mini-program `page` and the web's `:root`); theme.ts
// carries it for `themeStyle`. The three must agree, token for token. tokens-dark.css and `darkTheme`
// carry the dark preset, which must agree too.
const themeDir = resolve(__dirname, '../../packages/taro/src/theme')
const css = readFileSync(resolve(themeDir, 'tokens.css'), 'utf8')
const darkCss = readFileSync(resolve(themeDir, 'tokens-dark.css'), 'utf8')

function blocks(text: string): Record<string, string>[] {
  return [...text.matchAll(/\{([^}]*)\}/g)].map(([, body]) =>
    Object.fromEntries(
      [...(body ?? '').matchAll(/(--tk-[a-z-]+):\s*([^;]+);/g)].map(([, name, value]) => [
        name,
        (value ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    ),
  )
}

const variables = (theme: Theme) =>
  Object.fromEntries(
    Object.entries(theme).map(([name, value]) => [tokenVariable(name as keyof Theme), String(value)]),
  )

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

describe('the default theme', () => {
  it('is the same in tokens.css (both rules) and in theme.ts', () => {
    const expected = variables(defaultTheme)
    const found = blocks(css)
    expect(found).toHaveLength(2)
    for (const block of found) expect(block).toEqual(expected)
  })
})

describe('the dark preset', () => {
  it('is the same in tokens-dark.css and in theme.ts, colours only', () => {
    expect(blocks(darkCss)).toEqual([variables(darkTheme)])
    for (const name of Object.keys(darkTheme)) expect(name).toMatch(/^color/)
  })

  it('names every colour token of the default theme', () => {
    const colours = Object.keys(defaultTheme).filter((name) => name.startsWith('color'))
    expect(Object.keys(darkTheme).sort()).toEqual(colours.sort())
  })

  it('keeps AA contrast (4.5:1) for text on its surfaces and for text on its accents', () => {
    const d = darkTheme
    const pairs: [string, string, string][] = []
    for (const fg of ['colorText', 'colorTextSecondary', 'colorPrice', 'colorPrimary'] as const) {
      for (const bg of ['colorSurface', 'colorBackground'] as const) pairs.push([fg, bg, `${fg} on ${bg}`])
    }
    for (const accent of ['colorSuccess', 'colorWarning', 'colorDanger', 'colorMember'] as const) {
      pairs.push([accent, 'colorSurface', `${accent} on colorSurface`])
      pairs.push(['colorOnPrimary', accent, `colorOnPrimary on ${accent}`])
    }
    pairs.push(['colorOnPrimary', 'colorPrimary', 'colorOnPrimary on colorPrimary'])
    pairs.push(['colorOnPrimary', 'colorTextSecondary', 'colorOnPrimary on colorTextSecondary'])
    pairs.push(['colorOnMember', 'colorMember', 'colorOnMember on colorMember'])
    pairs.push(['colorText', 'colorBorder', 'colorText on colorBorder (a disabled button)'])
    const low = pairs
      .map(([fg, bg, what]) => ({ what, ratio: contrast(d[fg as keyof typeof d], d[bg as keyof typeof d]) }))
      .filter(({ ratio }) => ratio < 4.5)
    expect(low).toEqual([])
  })
})
