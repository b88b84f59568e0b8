import type { Decorator, Preview } from '@storybook/react-vite'
import type { Locale } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { ConfigProvider } from '@tradekit/taro'
import { withPhoneFrame } from './phoneFrame'
import { defaultStoryLocale } from './storyLocale'
import './preview.css'
import { themes } from './themes'

const withConfig: Decorator = (Story, context) => {
  const locale = (context.globals.locale ?? defaultStoryLocale) as Locale
  const theme = themes[String(context.globals.theme ?? 'default')]
  // Each story gets its own in-memory cart; a story that needs a prepared cart wraps its own
  // TradeProvider, which takes over below this one (and keeps this one's locale and messages).
  // English comes from the en-US pack, as an app loads it.
  return (
    <TradeProvider key={context.id} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      <ConfigProvider theme={theme}>
        <Story />
      </ConfigProvider>
    </TradeProvider>
  )
}

const viewport = (width: number, name: string) => ({
  name,
  styles: { width: `${width}px`, height: '812px' },
  type: 'mobile' as const,
})

/**
 * A story ends in the state it names, not with a focus ring on the last control its play pressed:
 * after the play, focus leaves the canvas (Storybook runs afterEach hooks story first, project last,
 * addons' after ours: axe checks the page as it is left).
 */
const leaveFocus = () => {
  const active = document.activeElement
  if (active instanceof HTMLElement && active !== document.body) active.blur()
}

const preview: Preview = {
  // later decorators wrap earlier ones: the phone is the outermost
  decorators: [withConfig, withPhoneFrame],
  afterEach: leaveFocus,
  // a docs page for every component: its description, the props table with controls, every story
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Locale of TradeKit texts',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文' },
          { value: 'en-US', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme preset',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'ocean', title: 'Ocean (custom tokens)' },
          { value: 'dark', title: 'Dark (darkTheme)' },
        ],
        dynamicTitle: true,
      },
    },
    device: {
      description: 'Phone: status bar and safe areas',
      toolbar: {
        title: 'Device',
        icon: 'mobile',
        items: [
          { value: 'notch', title: 'Notch (iPhone X and later)' },
          { value: 'plain', title: 'No notch (iPhone 8, SE)' },
        ],
        dynamicTitle: true,
      },
    },
    host: {
      description: 'Mini-program host: its capsule button',
      toolbar: {
        title: 'Mini-program',
        icon: 'component',
        items: [
          { value: 'douyin', title: 'Douyin' },
          { value: 'wechat', title: 'WeChat' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    locale: defaultStoryLocale,
    theme: 'default',
    device: 'notch',
    host: 'douyin',
    viewport: { value: 'w375', isRotated: false },
  },
  parameters: {
    // the phone frame is the page: no padding around it takes from the phone's width
    layout: 'fullscreen',
    viewport: {
      options: {
        w375: viewport(375, 'Mini-program 375 (iPhone SE/8)'),
        w390: viewport(390, 'Mini-program 390 (iPhone 12–15)'),
        w414: viewport(414, 'Mini-program 414 (Plus/Max)'),
      },
    },
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
}

export default preview
