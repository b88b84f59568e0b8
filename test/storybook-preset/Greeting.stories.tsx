import type { Meta, StoryObj } from '@storybook/react-vite'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'

/** A component written for a mini-program: Taro's components and Taro's API, nothing of the web. */
function Greeting() {
  const [count, setCount] = useState(() => Number(Taro.getStorageSync('greeting:count') || 0))
  return (
    <View className="greeting" style={{ padding: Taro.pxTransform(24) }}>
      <Text>你好，Taro（{process.env.TARO_ENV}）</Text>
      <Text>{`tapped ${count} times`}</Text>
      <Button
        onClick={() => {
          Taro.setStorageSync('greeting:count', count + 1)
          setCount(count + 1)
        }}
      >
        tap
      </Button>
    </View>
  )
}

const meta = { title: 'Greeting', component: Greeting } satisfies Meta<typeof Greeting>
export default meta

/** Renders through Taro's H5 components; Taro's API (storage, px transform, env) works. */
export const Renders: StoryObj<typeof meta> = {
  beforeEach: () => {
    Taro.removeStorageSync('greeting:count')
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('你好，Taro（h5）')).toBeVisible()
    // The HTML components: View is a div with Taro's class, not a Stencil element.
    const view = canvasElement.querySelector('.greeting')
    await expect(view?.tagName).toBe('DIV')
    await expect(view?.getAttribute('style')).toMatch(/padding: \d/)
    await expect(canvas.getByText('tapped 0 times')).toBeVisible()
    await userEvent.click(canvas.getByText('tap'))
    await expect(canvas.getByText('tapped 1 times')).toBeVisible()
    await expect(Taro.getStorageSync('greeting:count')).toBe(1)
  },
}
