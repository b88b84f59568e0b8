import type { Locale } from '@tradekit/core'

/** Set by the storybook Vitest project from `STORY_LOCALE` (see vitest.config.ts); absent in Storybook itself. */
declare const __TRADEKIT_STORY_LOCALE__: string | undefined

const locales: readonly Locale[] = ['zh-CN', 'en-US']

/**
 * The locale a story renders in when it sets none of its own: 简体中文, or the locale a test run asks
 * for (`STORY_LOCALE=en-US pnpm test:stories` runs every story as if the toolbar said English, which
 * is how we know a play works in both locales and not only its English twin).
 */
export const defaultStoryLocale: Locale =
  typeof __TRADEKIT_STORY_LOCALE__ === 'string' &&
  (locales as readonly string[]).includes(__TRADEKIT_STORY_LOCALE__)
    ? (__TRADEKIT_STORY_LOCALE__ as Locale)
    : 'zh-CN'
