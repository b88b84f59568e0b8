import type { Meta, StoryObj } from '@storybook/react-vite'
import { OrderList } from '@tradekit/taro'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  actionsSettled,
  answeredClock,
  expectFitsPhone,
  lineOf,
  makeOrder,
  STORY_EPOCH,
  sampleOrders,
  withOrders,
} from './fixtures/orders'
import { tee } from './fixtures/products'
import { textOf } from './fixtures/text'
import { en, wait } from './fixtures/trade'

const meta = {
  title: 'Orders/OrderList',
  component: OrderList,
  args: { onPay: fn(), onRefund: fn(), onBuyAgain: fn(), onDetail: fn(), now: answeredClock },
  decorators: [
    (Story) => (
      <div style={{ height: 700 }}>
        <Story />
      </div>
    ),
    withOrders(),
  ],
} satisfies Meta<typeof OrderList>

export default meta
type Story = StoryObj<typeof meta>

const cards = (canvas: HTMLElement) => within(canvas).queryAllByRole('group', { name: /^(订单|Order) TK/ })

/** 全部: every order, newest first, ten a page. */
export const AllOrders: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('tab', { name: t('orders.tab.all') })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await canvas.findByRole('list', { name: t('orders.list') }, wait)
    await expect(cards(canvasElement)).toHaveLength(10)
    await expect(canvas.getByRole('button', { name: t('orders.loadMore') })).toBeVisible()
    expectFitsPhone(canvasElement)
  },
}

function tabStory(
  tab: 'pending_payment' | 'to_ship' | 'to_receive' | 'to_verify' | 'after_sale',
  count: number,
): Story {
  return {
    args: { defaultTab: tab },
    play: async ({ canvasElement, globals }) => {
      const { t } = textOf(globals)
      const canvas = within(canvasElement)
      await expect(canvas.getByRole('tab', { name: t(`orders.tab.${tab}`) })).toHaveAttribute(
        'aria-selected',
        'true',
      )
      await canvas.findByRole('list', { name: t('orders.list') }, wait)
      await expect(cards(canvasElement)).toHaveLength(count)
      await expect(canvas.getByText(t('orders.noMore'))).toBeVisible()
      expectFitsPhone(canvasElement)
    },
  }
}

/** 待支付: unpaid orders, one still counting down and one whose time ran out. */
export const PendingPaymentTab = tabStory('pending_payment', 2)
/** 待发货: paid parcels. */
export const ToShipTab = tabStory('to_ship', 1)
/** 待收货: shipped and delivered parcels. */
export const ToReceiveTab = tabStory('to_receive', 2)
/** 待使用: paid services and virtual goods, and codes not used yet. */
export const ToVerifyTab = tabStory('to_verify', 2)
/** 售后: orders with a refund. */
export const AfterSaleTab = tabStory('after_sale', 4)

/** The first page on its way: a skeleton. */
export const Loading: Story = {
  decorators: [withOrders({ hangLists: true })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('status', { name: t('common.loading') })).toHaveLength(3)
    await expect(canvas.getByRole('tabpanel', { name: t('orders.tab.all') })).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/** A tab with no order. */
export const Empty: Story = {
  decorators: [withOrders({ orders: [] })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByText(t('orders.empty.title'), {}, wait)).toBeVisible()
  },
}

/** The first page failed: an error with "try again". */
export const LoadFailed: Story = {
  decorators: [withOrders({ failLists: 1000 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const alert = await within(canvasElement).findByRole('alert', {}, wait)
    await expect(alert).toHaveTextContent(t('orders.error'))
    await expect(within(alert).getByRole('button', { name: t('orders.retry') })).toBeVisible()
  },
}

/** Flow: the first page failed, "try again" loads it. */
export const RetryFlow: Story = {
  decorators: [withOrders({ failLists: 1 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, wait)
    await userEvent.click(within(alert).getByRole('button', { name: t('orders.retry') }))
    await canvas.findByRole('list', { name: t('orders.list') }, wait)
    await expect(cards(canvasElement)).toHaveLength(10)
  },
}

/** Flow: load more until there is no more. */
export const LoadMoreFlow: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('orders.loadMore') }, wait))
    await expect(await canvas.findByText(t('orders.noMore'), {}, wait)).toBeVisible()
    await expect(cards(canvasElement)).toHaveLength(sampleOrders().length)
  },
}

/** Flow: cancel an unpaid order from the list (shown at once, the server agrees). */
export const CancelFlow: Story = {
  args: { defaultTab: 'all' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('order.action.cancel') }, wait))
    // shown cancelled at once; its actions wait for the server's answer
    const card = canvas.getByRole('group', {
      name: t('order.card', { id: 'TK20261206001', status: t('order.status.cancelled') }),
    })
    await expect(card).toBeVisible()
    await expect(canvas.queryByRole('button', { name: t('order.action.cancel') })).toBeNull()
    await actionsSettled(card)
    await expect(within(card).getByRole('button', { name: t('order.action.buyAgain') })).toBeVisible()
  },
}

/** Flow: switch tabs. */
export const SwitchTabFlow: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await canvas.findByRole('list', { name: t('orders.list') }, wait)
    await userEvent.click(canvas.getByRole('tab', { name: t('orders.tab.after_sale') }))
    await expect(canvas.getByRole('tab', { name: t('orders.tab.after_sale') })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await waitFor(() => expect(cards(canvasElement)).toHaveLength(4), wait)
  },
}

const many = Array.from({ length: 200 }, (_, i) =>
  makeOrder(
    `TK${String(20270000000 + i)}`,
    i % 7 === 0 ? 'shipped' : 'completed',
    [lineOf(tee, 1 + (i % 3))],
    STORY_EPOCH,
  ),
)

/** 200 orders in one page: the first cards paint at once, the rest follow in batches. */
export const TwoHundredOrders: Story = {
  // axe checks all 200 cards with every rule, as for every story, and reports the violations only, not
  // the ~18,000 passing nodes (10 MB of results sent from the browser to the test runner and the panel)
  parameters: { a11y: { options: { resultTypes: ['violations'] } } },
  decorators: [withOrders({ orders: many, pageSize: 200, latencyMs: 0 })],
  play: async ({ canvasElement }) => {
    // counted by class: a role query over 200 cards is itself slow on a busy machine
    await waitFor(() => expect(canvasElement.querySelectorAll('.tk-order-card')).toHaveLength(200), {
      timeout: 20_000,
    })
  },
}

/** All orders, in English. */
export const AllOrdersEnglish: Story = { ...AllOrders, ...en }
/** The after-sale tab, in English. */
export const AfterSaleTabEnglish: Story = { ...AfterSaleTab, ...en }
/** Empty, in English. */
export const EmptyEnglish: Story = { ...Empty, ...en }
/** Load failed, in English. */
export const LoadFailedEnglish: Story = { ...LoadFailed, ...en }
/** Cancel flow, in English. */
export const CancelFlowEnglish: Story = { ...CancelFlow, ...en }
