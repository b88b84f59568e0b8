import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { BottomSheet } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

/** A page with a button that opens a sheet holding two more buttons, and a button after it. */
function SheetPage() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        打开
      </button>
      <BottomSheet
        open={open}
        title="选择规格"
        onClose={() => setOpen(false)}
        footer={<button type="button">确定</button>}
      >
        <button type="button">白色</button>
      </BottomSheet>
      <button type="button">页面之后</button>
    </>
  )
}

describe('BottomSheet', () => {
  it('is a modal dialog named by its title, with its content', () => {
    render(
      <BottomSheet open title="选择规格" onClose={vi.fn()} footer={<span>底部</span>}>
        <span>内容</span>
      </BottomSheet>,
    )
    const dialog = screen.getByRole('dialog', { name: '选择规格' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveTextContent('内容')
    expect(dialog).toHaveTextContent('底部')
  })

  it('renders nothing while closed', () => {
    render(
      <BottomSheet open={false} title="选择规格" onClose={vi.fn()}>
        <span>内容</span>
      </BottomSheet>,
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.queryByText('内容')).toBeNull()
  })

  it('closes from its close button, by keyboard too', () => {
    const onClose = vi.fn()
    render(<BottomSheet open title="选择规格" onClose={onClose} />)
    const close = screen.getByRole('button', { name: '关闭' })
    fireEvent.click(close)
    expect(onClose).toHaveBeenCalledTimes(1)
    fireEvent.keyDown(close, { key: 'Enter' })
    expect(onClose).toHaveBeenCalledTimes(2)
  })

  it('closes on Escape and on a tap on the mask, not on a tap inside', () => {
    const onClose = vi.fn()
    const { container } = render(
      <BottomSheet open title="选择规格" onClose={onClose}>
        <span>内容</span>
      </BottomSheet>,
    )
    fireEvent.click(screen.getByText('内容'))
    expect(onClose).not.toHaveBeenCalled()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
    // the mask is decoration for assistive technology: a user reaches it only by tapping beside the sheet
    const mask = container.querySelector('.tk-bottom-sheet__mask')
    expect(mask).toHaveAttribute('aria-hidden', 'true')
    fireEvent.click(mask as Element)
    expect(onClose).toHaveBeenCalledTimes(2)
  })

  it('can keep the mask from closing', () => {
    const onClose = vi.fn()
    const { container } = render(<BottomSheet open title="选择规格" onClose={onClose} closeOnMask={false} />)
    fireEvent.click(container.querySelector('.tk-bottom-sheet__mask') as Element)
    expect(onClose).not.toHaveBeenCalled()
  })

  it('names its close button in the locale, or as told', () => {
    const { rerender } = render(
      <TradeProvider locale="en-US" messages={enUS}>
        <BottomSheet open title="Options" onClose={vi.fn()} />
      </TradeProvider>,
    )
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument()
    rerender(
      <TradeProvider locale="en-US" messages={enUS}>
        <BottomSheet open title="Options" onClose={vi.fn()} closeLabel="Close options" />
      </TradeProvider>,
    )
    expect(screen.getByRole('button', { name: 'Close options' })).toBeInTheDocument()
  })

  // WAI-ARIA Authoring Practices, "Dialog (Modal) Pattern", keyboard interaction: focus moves into
  // the dialog when it opens, Tab and Shift+Tab wrap inside it, Escape closes it, and focus returns
  // to the element that opened it.
  it('takes focus when it opens, keeps Tab inside, and gives focus back when it closes', async () => {
    const user = userEvent.setup()
    render(<SheetPage />)
    const opener = screen.getByRole('button', { name: '打开' })
    await user.click(opener)
    const dialog = screen.getByRole('dialog', { name: '选择规格' })
    expect(dialog).toHaveFocus()

    const close = screen.getByRole('button', { name: '关闭' })
    const white = screen.getByRole('button', { name: '白色' })
    const confirm = screen.getByRole('button', { name: '确定' })
    await user.tab()
    expect(close).toHaveFocus()
    await user.tab()
    expect(white).toHaveFocus()
    await user.tab()
    expect(confirm).toHaveFocus()
    // from the last: back to the first, never to the page behind
    await user.tab()
    expect(close).toHaveFocus()
    await user.tab({ shift: true })
    expect(confirm).toHaveFocus()
    await user.tab({ shift: true })
    await user.tab({ shift: true })
    expect(close).toHaveFocus()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(opener).toHaveFocus()
  })

  it('gives focus back when closed from its close button too', async () => {
    const user = userEvent.setup()
    render(<SheetPage />)
    const opener = screen.getByRole('button', { name: '打开' })
    await user.click(opener)
    await user.tab()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(opener).toHaveFocus()
  })
})
