import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { CartBar, CartEmpty, CartList } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { withCart } from './fixtures/cart'
import { consultation, mug, picture, tee } from './fixtures/products'

const meta = {
  title: 'Cart/CartList',
  component: CartList,
  args: { empty: <CartEmpty onShop={fn()} /> },
  decorators: [
    (Story) => (
      <div style={{ width: 351 }}>
        <Story />
      </div>
    ),
  ],
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

/** Lines that can no longer be bought are grouped, and can be cleared at once. */
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('list', { name: '失效商品 2 件' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '清空失效商品' }))
    await expect(canvas.queryByRole('list', { name: /失效商品/ })).toBeNull()
  },
}

/** The whole cart page: list and bar; select all, then none, then check out. */
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const all = canvas.getByRole('checkbox', { name: '全选' })
    await userEvent.click(all)
    await expect(canvas.getByRole('button', { name: '去结算' })).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByText('请先选择商品')).toBeVisible()
    await userEvent.click(all)
    await expect(canvas.getByRole('button', { name: '去结算（3）' })).toBeVisible()
  },
}

/** Removing a line from the page. */
export const RemoveALine: Story = {
  ...WithBar,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: '删除陶瓷马克杯 350ml' }))
    await userEvent.click(within(canvas.getByRole('alert')).getByRole('button', { name: /^删除/ }))
    await expect(canvas.queryByText('陶瓷马克杯 350ml')).toBeNull()
    await expect(canvas.getByRole('button', { name: '去结算（2）' })).toBeVisible()
  },
}

/** Nothing in the cart. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('购物车是空的')).toBeVisible()
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
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('购物车暂时无法保存')).toBeVisible()
  },
}

/** 200 lines: painted in batches, each line re-rendering on its own. */
export const TwoHundredLines: Story = {
  decorators: [
    withCart((cart) => {
      for (let i = 0; i < 200; i++) {
        cart.add({
          skuId: `sku-${i}`,
          title: `商品 ${i}`,
          price: money(990 + i * 10),
          image: picture('#546e7a', `${i}`),
        })
      }
    }),
  ],
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: '购物车商品' })
    await expect(await within(list).findByText('商品 0', {}, { timeout: 5000 })).toBeInTheDocument()
  },
}

/** Invalid lines, in English. */
export const WithInvalidLinesEnglish: Story = {
  ...WithInvalidLines,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Clear unavailable items' })).toBeVisible()
  },
}

/** Empty, in English. */
export const EmptyEnglish: Story = {
  ...Empty,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Your cart is empty')).toBeVisible()
  },
}

/** The cart page, in English. */
export const WithBarEnglish: Story = {
  ...WithBar,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Check out (3)' })).toBeVisible()
  },
}
