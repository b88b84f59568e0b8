import type { Meta, StoryObj } from '@storybook/react-vite'
import { BottomSheet, ServiceTags } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectPhoneFit } from './fixtures/skus'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const services = ['7 天无理由退货', '极速退款', '运费险', '正品保障', '48 小时发货']

interface SheetStoryProps {
  /** The sheet shows at first. */
  initiallyOpen: boolean
  closeOnMask?: boolean
  onClose: () => void
}

/** A page with a button that opens the sheet, as a product page opens its spec or service sheet. */
function SheetPage({ initiallyOpen, closeOnMask, onClose }: SheetStoryProps) {
  const [open, setOpen] = useState(initiallyOpen)
  return (
    <>
      <ServiceTags tags={services} onPress={() => setOpen(true)} />
      <BottomSheet
        open={open}
        title={services[0] ?? ''}
        closeOnMask={closeOnMask}
        onClose={() => {
          setOpen(false)
          onClose()
        }}
      >
        <ServiceTags tags={services} layout="list" />
      </BottomSheet>
    </>
  )
}

const meta = {
  title: 'Primitives/BottomSheet',
  component: SheetPage,
  args: { initiallyOpen: true, onClose: fn() },
} satisfies Meta<typeof SheetPage>

export default meta
type Story = StoryObj<typeof meta>

/** Open: a modal dialog at the bottom over a mask, with its title and a 44 px close button. */
export const Open: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(canvasElement).getByRole('dialog', { name: services[0] })
    await expect(dialog).toHaveAttribute('aria-modal', 'true')
    await expect(within(dialog).getByRole('button', { name: t('sku.close') })).toBeVisible()
    await expect(expectPhoneFit(dialog)).toEqual({ overflow: [], small: [] })
  },
}

/** Closed: the page only. */
export const Closed: Story = {
  args: { initiallyOpen: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('dialog')).toBeNull()
  },
}

/** Flow: the close button closes the sheet. */
export const CloseButtonFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('sku.close') }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** Flow: a tap on the mask above the sheet closes it. */
export const MaskTapFlow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const mask = canvasElement.querySelector('.tk-bottom-sheet__mask') as HTMLElement
    await userEvent.click(mask)
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** Flow: Escape closes the sheet from the keyboard. */
export const EscapeFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    canvas.getByRole('button', { name: t('sku.close') }).focus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/**
 * Flow, keyboard: Enter on the service row opens the sheet and focus moves into it (the dialog is
 * announced by its title); Tab stays inside the sheet; Escape closes it and focus is back on the
 * row that opened it.
 */
export const KeyboardFlow: Story = {
  args: { initiallyOpen: false },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const opener = canvas.getByRole('button', { name: new RegExp(t('detail.services')) })
    opener.focus()
    await userEvent.keyboard('{Enter}')
    const dialog = await canvas.findByRole('dialog', { name: services[0] })
    await waitFor(() => expect(dialog).toHaveFocus())
    const close = within(dialog).getByRole('button', { name: t('sku.close') })
    await userEvent.tab()
    await expect(close).toHaveFocus()
    // the close button is the sheet's only control: Tab and Shift+Tab come back to it
    await userEvent.tab()
    await expect(close).toHaveFocus()
    await userEvent.tab({ shift: true })
    await expect(close).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(opener).toHaveFocus()
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** Open, in English. */
export const OpenEnglish: Story = { ...Open, ...en }
/** Closing by the button, in English. */
export const CloseButtonFlowEnglish: Story = { ...CloseButtonFlow, ...en }
/** The keyboard flow, in English. */
export const KeyboardFlowEnglish: Story = { ...KeyboardFlow, ...en }
