import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { CartBar, CartEmpty, CartList } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { withCart } from './fixtures/cart'
import { pictureCycle } from './fixtures/images'
import { consultation, mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Cart/CartList',
  component: CartList,
  parameters: {
    docs: {
      description: {
        component:
          'The cart\'s lines, then the lines that can no longer be bought ("失效商品") with "clear invalid". It re-renders only when lines are added, removed or become (in)valid: each `CartLine` follows its own line. Shows a skeleton while the stored cart loads and a notice when storage failed.',
      },
    },
  },
  args: { empty: <CartEmpty onShop={fn()} /> },
} satisfies Meta<typeof CartList>

export default meta
type Story = StoryObj<typeof meta>

/** A cart of goods and a service. */
export const Default: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(consultation)
      cart.add(mug, 2)
      cart.add(tee)
    }),
  ],
}

/** Lines that can no longer be bought are grouped, with a button that clears them at once. */
export const WithInvalidLines: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee)
      cart.add(mug)
      cart.add({ ...consultation, title: '已停售的咨询' })
      cart.update([
        { ...mug, status: 'sold_out' },
        { ...consultation, title: '已停售的咨询', status: 'off_shelf' },
      ])
    }),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('list', { name: t('cart.invalidGroup', { count: 2 }) })).toBeVisible()
    await expect(canvas.getByRole('button', { name: t('cart.clearInvalid') })).toBeVisible()
  },
}

/** Flow: clear the invalid lines → only the lines that can be bought are left. */
export const ClearInvalidLinesFlow: Story = {
  ...WithInvalidLines,
  name: 'Flow: clear invalid lines → cleared',
  play: async (context) => {
    await WithInvalidLines.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('cart.clearInvalid') }))
    await expect(canvas.queryByRole('list', { name: t('cart.invalidGroup', { count: 2 }) })).toBeNull()
    await expect(canvas.getByText(tee.title)).toBeVisible()
  },
}

/** The whole cart page: list and bar, everything selected (the play unselects all and selects all again). */
export const WithBar: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee, 2)
      cart.add(mug)
    }),
  ],
  render: (args) => (
    <>
      <CartList {...args} />
      <CartBar onCheckout={fn()} />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const all = canvas.getByRole('checkbox', { name: t('cart.selectAll') })
    await userEvent.click(all)
    await expect(canvas.getByRole('button', { name: t('cart.checkout') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expect(canvas.getByText(t('cart.disabled.none'))).toBeVisible()
    await userEvent.click(all)
    await expect(canvas.getByRole('button', { name: t('cart.checkoutCount', { count: 3 }) })).toBeVisible()
  },
}

/** Flow: remove a line from the page, confirm → the rest is left and the bar counts it. */
export const RemoveALine: Story = {
  ...WithBar,
  name: 'Flow: remove a line → removed',
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const remove = t('cart.removeNamed', { title: mug.title })
    await userEvent.click(canvas.getByRole('button', { name: remove }))
    await userEvent.click(within(canvas.getByRole('alert')).getByRole('button', { name: remove }))
    await expect(canvas.queryByText(mug.title)).toBeNull()
    await expect(canvas.getByRole('button', { name: t('cart.checkoutCount', { count: 2 }) })).toBeVisible()
  },
}

/** Nothing in the cart. */
export const Empty: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(within(canvasElement).getByText(textOf(globals).t('cart.empty.title'))).toBeVisible()
  },
}

/** The stored cart is still loading. */
export const Loading: Story = {
  decorators: [
    withCart(() => {}, { getItem: () => new Promise(() => {}), setItem: () => {}, removeItem: () => {} }),
  ],
}

/** The device refused to save the cart. */
export const StorageFailed: Story = {
  decorators: [
    withCart(
      (cart) => {
        cart.add(tee)
      },
      {
        getItem: () => null,
        setItem: () => {
          throw new Error('quota exceeded')
        },
        removeItem: () => {},
      },
    ),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByText(t('cart.issue.storage_failed'))).toBeVisible()
  },
}

/**
 * How long the 200-line cart may take to show its last line: CartList paints 20 lines, then 20 more
 * on each following timer, so 10 batches; a batch of 20 lines takes up to about a second on a busy
 * 2-core machine in development mode.
 */
const allBatches = { timeout: Math.ceil(200 / 20) * 1000 }

/**
 * 200 lines: painted in batches, each line re-rendering on its own. axe checks all 200 lines with every
 * rule, as for every story; it reports the violations only (`resultTypes`), not the ~20,000 passing
 * nodes (12 MB of results that went from the browser to the test runner and the panel, most of the
 * story's time on a busy machine).
 */
export const TwoHundredLines: Story = {
  parameters: { a11y: { options: { resultTypes: ['violations'] } } },
  decorators: [
    withCart((cart) => {
      for (let i = 0; i < 200; i++) {
        cart.add({
          skuId: `sku-${i}`,
          title: `商品 ${i}`,
          price: money(990 + i * 10),
          image: pictureCycle[i % pictureCycle.length],
        })
      }
    }),
  ],
  play: async ({ canvasElement, globals }) => {
    const list = within(canvasElement).getByRole('list', { name: textOf(globals).t('cart.lines') })
    // the last of the 200 lines (the first added), once every batch is painted
    await expect(await within(list).findByText('商品 0', {}, allBatches)).toBeInTheDocument()
  },
}

/** The cart page in the dark theme (toolbar "Dark": `darkTheme`, the tokens of `tokens-dark.css`). */
export const WithBarDark: Story = { ...WithBar, globals: { theme: 'dark' } }

/** Invalid lines, in English. */
export const WithInvalidLinesEnglish: Story = {
  ...WithInvalidLines,
  globals: { locale: 'en-US' },
}

/** Empty, in English. */
export const EmptyEnglish: Story = {
  ...Empty,
  globals: { locale: 'en-US' },
}

/** The cart page, in English. */
export const WithBarEnglish: Story = {
  ...WithBar,
  globals: { locale: 'en-US' },
}
