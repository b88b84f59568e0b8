import type { Decorator } from '@storybook/react-vite'
import { themeStyle } from '@tradekit/taro'
import './phoneFrame.css'
import { themes } from './themes'

/** Widths of the viewport toolbar, by its option key. */
export const phoneWidths: Record<string, number> = { w375: 375, w390: 390, w414: 414 }

/** What a story or a component's stories can ask of the frame (`parameters.phone`). */
export interface PhoneParameters {
  /** Inset the story from the screen's edges, for components shown alone (a price, a tag). @default false */
  padded?: boolean
  /** Show the story at the bottom of the screen, where the page keeps it (a cart or checkout bar). @default false */
  bottom?: boolean
}

/**
 * A phone around every story: the width of the viewport toolbar (375, 390, 414), the status bar and the
 * safe areas of a phone with a notch or without (toolbar "Device"), and the mini-program's navigation bar
 * with the host's capsule button at the top right, Douyin's or WeChat's (toolbar "Mini-program"). The
 * story's page fills the width: nothing around it takes from the 375 px a design is made for. The frame is
 * the containing block of `position: fixed` (it is transformed), so a bar fixed to the bottom sits at the
 * bottom of the phone, under its home indicator. The toolbar's theme colours the page behind the story
 * (and, dark, the status and navigation bars, as a page that sets its navigation bar colour would).
 * Chrome is decoration: hidden from assistive technology.
 */
export const withPhoneFrame: Decorator = (Story, context) => {
  const viewport = context.globals.viewport as { value?: string } | string | undefined
  const key = typeof viewport === 'string' ? viewport : viewport?.value
  const width = phoneWidths[key ?? 'w375'] ?? 375
  const notch = context.globals.device !== 'plain'
  const host = context.globals.host === 'wechat' ? 'wechat' : 'douyin'
  const { padded = false, bottom = false } = (context.parameters.phone ?? {}) as PhoneParameters
  const themeName = String(context.globals.theme ?? 'default')
  const classes = [
    'tk-phone',
    themeName === 'dark' ? 'tk-phone--dark' : '',
    notch ? 'tk-phone--notch' : 'tk-phone--plain',
    `tk-phone--${host}`,
    context.viewMode === 'docs' ? 'tk-phone--docs' : '',
  ]
  return (
    // the theme's tokens on the frame too: the page's background is the theme's
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ width, ...themeStyle(themes[themeName]) }}
      data-phone-width={width}
    >
      <div className="tk-phone__top" aria-hidden="true">
        <div className="tk-phone__status">
          <span className="tk-phone__time">9:41</span>
          {notch ? <span className="tk-phone__notch" /> : null}
          <span className="tk-phone__indicators">
            <span className="tk-phone__signal" />
            <span className="tk-phone__battery" />
          </span>
        </div>
        <div className="tk-phone__nav">
          <span className="tk-phone__capsule">
            <span className="tk-phone__more" />
            <span className="tk-phone__divider" />
            <span className="tk-phone__exit" />
          </span>
        </div>
      </div>
      <div
        className={[
          'tk-phone__page',
          padded ? 'tk-phone__page--padded' : '',
          bottom && context.viewMode !== 'docs' ? 'tk-phone__page--bottom' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <Story />
      </div>
      {notch ? <div className="tk-phone__home" aria-hidden="true" /> : null}
    </div>
  )
}
