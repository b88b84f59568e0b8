import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CartItem } from '@tradekit/core'
import { useCart } from '@tradekit/react'
import { BuyAgainButton } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { expectFitsPhone, lineOf, makeOrder } from './fixtures/orders'
import { consultation, membership, mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'
import { en, wait } from './fixtures/trade'

const now = Date.now()
const teeOrder = makeOrder('TK20261203009', 'completed', [lineOf(tee, 1)], now)
const mixedOrder = makeOrder(
  'TK20261201020',
  'completed',
  [lineOf(tee, 1), lineOf(mug, 3), lineOf(consultation, 1), lineOf(membership, 1)],
  now,
)

/** Today's products as the merchant's API answers them: the consultation is gone, the membership sold out. */
const today = async (skuIds: readonly string[]): Promise<CartItem[]> => {
  const shelf: Record<string, CartItem> = {
    [tee.skuId]: tee,
    [mug.skuId]: mug,
    [membership.skuId]: { ...membership, status: 'sold_out' },
  }
  return skuIds.map((skuId) => shelf[skuId]).filter((item): item is CartItem => item !== undefined)
}

/** The cart's count, as a tab badge shows it. */
function CartCount() {
  const count = useCart((cart) => cart.count)
  return <p data-testid="cart-count">{count}</p>
}

const meta = {
  title: 'Orders/BuyAgainButton',
  component: BuyAgainButton,
  args: { order: teeOrder, getItems: today, onDone: fn() },
  render: (args) => (
    <div style={{ padding: 12 }}>
      <BuyAgainButton {...args} />
      <CartCount />
    </div>
  ),
} satisfies Meta<typeof BuyAgainButton>

export default meta
type Story = StoryObj<typeof meta>

/** Before it is pressed. */
export const Idle: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('button', { name: t('order.action.buyAgain') }),
    ).toBeVisible()
    expectFitsPhone(canvasElement)
  },
}

/** Flow: every line goes back in the cart. */
export const AddedFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('order.action.buyAgain') }))
    await expect(await canvas.findByRole('status', {}, wait)).toHaveTextContent(
      t('order.buyAgain.added', { count: 1 }),
    )
    await expect(canvas.getByTestId('cart-count')).toHaveTextContent('1')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** Flow: some lines cannot be bought again; each is reported with its reason, one quantity is capped. */
export const SomeUnavailableFlow: Story = {
  args: { order: mixedOrder },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('order.action.buyAgain') }))
    const report = await canvas.findByRole('status', {}, wait)
    const list = within(report).getByRole('list', { name: t('order.buyAgain.unavailable', { count: 2 }) })
    await expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    await expect(report).toHaveTextContent(t('order.buyAgain.reason.sold_out'))
    await expect(report).toHaveTextContent(t('order.buyAgain.reason.gone'))
    await expect(report).toHaveTextContent(t('order.buyAgain.adjusted', { title: mug.title, count: 2 }))
    expectFitsPhone(canvasElement)
  },
}

/**
 * Flow: the server answers the mug with a price the cart does not accept (a fraction of a fen): the
 * mug is reported "cannot be bought right now", the tee still goes in, and nothing says "failed".
 */
export const ProductNotAcceptedFlow: Story = {
  args: {
    order: mixedOrder,
    getItems: async (skuIds) =>
      (await today(skuIds)).map((item) =>
        item.skuId === mug.skuId ? ({ ...item, price: { amount: 45.5, currency: 'CNY' } } as CartItem) : item,
      ),
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('order.action.buyAgain') }))
    const report = await canvas.findByRole('status', {}, wait)
    await expect(report).toHaveTextContent(t('order.buyAgain.added', { count: 1 }))
    await expect(report).toHaveTextContent(
      t('order.buyAgain.unavailableLine', {
        title: mug.title,
        reason: t('order.buyAgain.reason.unavailable'),
      }),
    )
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(canvas.getByTestId('cart-count')).toHaveTextContent('1')
    expectFitsPhone(canvasElement)
  },
}

/** Flow: today's products are being read: the button is busy, and a second tap asks nothing more. */
export const LoadingFlow: Story = {
  args: { getItems: fn((): Promise<CartItem[]> => new Promise(() => {})) },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: t('order.action.buyAgain') })
    await userEvent.click(button)
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(button)
    await expect(args.getItems).toHaveBeenCalledTimes(1)
    await expect(canvas.queryByRole('status')).toBeNull()
    await expect(canvas.getByTestId('cart-count')).toHaveTextContent('0')
  },
}

/** Flow: today's products could not be read; nothing was added. */
export const LoadFailedFlow: Story = {
  args: { getItems: (): Promise<CartItem[]> => Promise.reject(new Error('offline')) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('order.action.buyAgain') }))
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent(t('order.buyAgain.failed'))
    await expect(canvas.getByTestId('cart-count')).toHaveTextContent('0')
  },
}

/** Idle, in English. */
export const IdleEnglish: Story = { ...Idle, ...en }
/** Some unavailable, in English. */
export const SomeUnavailableFlowEnglish: Story = { ...SomeUnavailableFlow, ...en }
/** A product the cart does not accept, in English. */
export const ProductNotAcceptedFlowEnglish: Story = { ...ProductNotAcceptedFlow, ...en }
