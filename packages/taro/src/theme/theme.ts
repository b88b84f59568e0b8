/**
 * Design tokens a team can override. Each becomes a `--tk-*` CSS variable
 * (`colorPrimary` → `--tk-color-primary`). Sizes are px of a 375-wide design.
 */
export interface Theme {
  /** Brand colour of primary actions (white text on it must keep 4.5:1 contrast). */
  colorPrimary?: string
  /** Text on the primary colour. */
  colorOnPrimary?: string
  /** Colour of prices. */
  colorPrice?: string
  /** Main text. */
  colorText?: string
  /** Secondary text (original price, hints). */
  colorTextSecondary?: string
  /** Borders and dividers. */
  colorBorder?: string
  /** Page background. */
  colorBackground?: string
  /** Card and sheet background. */
  colorSurface?: string
  /** Positive states (paid, in stock). */
  colorSuccess?: string
  /** Warnings (low stock, price changed). */
  colorWarning?: string
  /** Failures (a payment that failed, a refund refused). */
  colorDanger?: string
  /** Background of member-price labels. */
  colorMember?: string
  /** Text on member-price labels. */
  colorOnMember?: string
  /** Corner radius of cards and buttons. */
  radius?: string
  /** Small corner radius (tags). */
  radiusSmall?: string
  /** Base spacing unit. */
  spacing?: string
  /** Base font size. */
  fontSize?: string
  /** Small font size. */
  fontSizeSmall?: string
  /** Large font size (prices). */
  fontSizeLarge?: string
  /** Font family. */
  fontFamily?: string
}

/** The default theme, also written in `tokens.css`; both pass WCAG AA contrast on white. */
export const defaultTheme: Required<Theme> = {
  colorPrimary: '#c9184a',
  colorOnPrimary: '#ffffff',
  colorPrice: '#c9184a',
  colorText: '#1d2129',
  colorTextSecondary: '#5c6370',
  colorBorder: '#e5e6eb',
  colorBackground: '#f5f6f8',
  colorSurface: '#ffffff',
  colorSuccess: '#0e7a3e',
  colorWarning: '#995200',
  colorDanger: '#c62828',
  colorMember: '#3d2e1e',
  colorOnMember: '#f2d8a7',
  radius: '8px',
  radiusSmall: '4px',
  spacing: '8px',
  fontSize: '14px',
  fontSizeSmall: '12px',
  fontSizeLarge: '18px',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "PingFang SC", "Helvetica Neue", "Microsoft YaHei", sans-serif',
}

/**
 * The dark preset: colours only (sizes and fonts stay the defaults), also written in
 * `tokens-dark.css` for pages that switch by class. Accents are light and the text on them dark, so
 * each accent reads both as text on the dark surface and as a fill under `colorOnPrimary` (WCAG AA,
 * 4.5:1, both ways).
 */
export const darkTheme = {
  colorPrimary: '#ff7a9c',
  colorOnPrimary: '#23070f',
  colorPrice: '#ff7a9c',
  colorText: '#e9eaee',
  colorTextSecondary: '#a3a9b4',
  colorBorder: '#383a41',
  colorBackground: '#121316',
  colorSurface: '#1e1f24',
  colorSuccess: '#5fd39a',
  colorWarning: '#f6b04d',
  colorDanger: '#ff8080',
  colorMember: '#f2d8a7',
  colorOnMember: '#3d2e1e',
} as const satisfies Theme

/** `colorPrimary` → `--tk-color-primary`. */
export function tokenVariable(name: keyof Theme): string {
  return `--tk-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/**
 * The inline style that applies a theme: one CSS variable per token given. Inline, because a
 * mini-program component cannot always inherit variables set on an ancestor page.
 */
export function themeStyle(theme: Theme | undefined): Record<string, string> {
  const style: Record<string, string> = {}
  if (!theme) return style
  for (const [name, value] of Object.entries(theme)) {
    if (typeof value === 'string' && value !== '') style[tokenVariable(name as keyof Theme)] = value
  }
  return style
}
