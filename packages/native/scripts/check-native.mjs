#!/usr/bin/env node
// Checks TradeKit's native custom components the way a native weapp/tt project uses them:
//
//   pnpm --filter @tradekit/native run check
//
// For weapp and tt: builds the components with `taro build native-components` when dist/<type> is
// missing or older than src/ and config/ (SKIP_BUILD=1 checks the existing dist, FORCE_BUILD=1 always
// builds), copies example/ with dist/<type> as its `tradekit/` folder into dist/example-<type>, loads
// it in a Node host (scripts/lib/nativeHost.mjs: `wx`/`tt`, App, Page, Component, setData,
// triggerEvent) and checks:
// - the output: each component's script, JSON (`component: true`), template and style, the shared
//   chunks they require and the base template;
// - the components register (Component()) and the page creates them from its template;
// - the product card shows its title and its price as core's formatMoney writes it; the sold-out
//   card says so and its add does nothing;
// - a tap on "加入购物车" updates the cart's total through setData and the page's `bind:change`;
// - the stepper stops at the stock and at the minimum;
// - a changed `props` object (locale en-US) re-renders the card;
// - the checkout bar: its disabled reason before anything is selected, then the payable, and one
//   `submit` for a double tap (and a second one once the page's checkout is done);
// - the shared base template has a template for every kind of node the components rendered.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { formatMoney, goodsMessages, multiplyMoney, translatorOf } from '@tradekit/core'
import { buildNative, PLATFORMS, packageDir } from './build.mjs'
import { createNativeHost } from './lib/nativeHost.mjs'

const COMPONENTS = ['product-card', 'cart', 'checkout-bar']
const FILES = {
  weapp: { globalName: 'wx', template: 'wxml', style: 'wxss', other: ['ttml', 'ttss'] },
  tt: { globalName: 'tt', template: 'ttml', style: 'ttss', other: ['wxml', 'wxss'] },
}
const t = translatorOf([goodsMessages], 'zh-CN')

let passed = 0
let failed = 0
async function check(name, fn) {
  try {
    const note = await fn()
    passed++
    console.log(`✓ ${name}${note ? ` — ${note}` : ''}`)
  } catch (error) {
    failed++
    console.log(`✗ ${name}\n  ${error.message}`)
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/** The newest modification time under `dir` (ms). */
function newest(dir) {
  let time = 0
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry)
    const stat = statSync(file)
    time = Math.max(time, stat.isDirectory() ? newest(file) : stat.mtimeMs)
  }
  return time
}

function needsBuild(type) {
  if (process.env.FORCE_BUILD === '1') return true
  if (process.env.SKIP_BUILD === '1') return false
  const dist = path.join(packageDir, 'dist', type)
  if (!existsSync(path.join(dist, 'components'))) return true
  // the libraries' dist is not compared: it is rebuilt often in this workspace; FORCE_BUILD=1 after
  // changing @tradekit/taro, react or core
  return (
    Math.max(newest(path.join(packageDir, 'src')), newest(path.join(packageDir, 'config'))) > newest(dist)
  )
}

/** example/ with dist/<type> as its tradekit/ folder, only the platform's own templates and styles. */
function assembleExample(type) {
  const out = path.join(packageDir, 'dist', `example-${type}`)
  rmSync(out, { recursive: true, force: true })
  cpSync(path.join(packageDir, 'example'), out, {
    recursive: true,
    filter: (file) => !FILES[type].other.some((ext) => file.endsWith(`.${ext}`)),
  })
  cpSync(path.join(packageDir, 'dist', type), path.join(out, 'tradekit'), { recursive: true })
  return out
}

const stringsOf = (node) =>
  Object.entries(node)
    .filter(([key, value]) => /^p\d+$/.test(key) && typeof value === 'string')
    .map(([, value]) => value)

async function checkPlatform(type) {
  const { globalName, template, style } = FILES[type]
  const tag = `[${type}]`
  const dist = path.join(packageDir, 'dist', type)

  if (needsBuild(type)) {
    let seconds = 0
    await check(`${tag} taro build native-components --type ${type}`, () => {
      seconds = buildNative(type)
      return `${seconds.toFixed(1)}s`
    })
  }

  await check(
    `${tag} output: script, component JSON, template and style of each component; their chunks`,
    () => {
      for (const name of COMPONENTS) {
        const base = path.join(dist, 'components', name, 'index')
        for (const ext of ['js', 'json', template, style])
          expect(existsSync(`${base}.${ext}`), `no ${name}/index.${ext}`)
        const json = JSON.parse(readFileSync(`${base}.json`, 'utf8'))
        expect(json.component === true, `${name}/index.json: component is not true`)
        const js = readFileSync(`${base}.js`, 'utf8')
        for (const [, request] of js.matchAll(/require\("([^"]+)"\)/g)) {
          expect(
            existsSync(path.resolve(path.dirname(base), `${request}.js`)),
            `${name}: requires missing ${request}.js`,
          )
        }
        const markup = readFileSync(`${base}.${template}`, 'utf8')
        const imported = /<import src="([^"]+)"/.exec(markup)?.[1]
        expect(
          imported && existsSync(path.resolve(path.dirname(base), imported)),
          `${name}: template imports nothing that exists`,
        )
      }
      expect(existsSync(path.join(dist, `base.${template}`)), `no base.${template}`)
      const other = FILES[type].other.filter((ext) =>
        readdirSync(dist).some((file) => file.endsWith(`.${ext}`)),
      )
      expect(other.length === 0, `files of the other platform: ${other.join(', ')}`)
    },
  )

  const root = assembleExample(type)
  const host = createNativeHost({ root, globalName, templateExt: template })
  let page
  let byId = {}
  await check(
    `${tag} the example page creates tk-product-card ×2, tk-cart and tk-checkout-bar from Component()`,
    () => {
      host.launch()
      page = host.openPage('pages/shop/index')
      byId = Object.fromEntries(page.children.map((child) => [child.id, child]))
      const tags = page.children.map((child) => child.tag).join(', ')
      expect(tags === 'tk-product-card, tk-product-card, tk-cart, tk-checkout-bar', `components: ${tags}`)
      for (const child of page.children) {
        expect(typeof child.eh === 'function', `${child.tag}: no Taro event handler`)
        expect(host.components.has(path.join(root, child.is)), `${child.is} did not register`)
      }
      return `${host.components.size} registered`
    },
  )
  if (!page) return

  const { tea, cup, cart, bar } = byId
  const textOf = (instance) => host.text({ cn: [instance.data.root] })
  const button = (instance, label) =>
    host
      .nodes(instance)
      .find((node) => stringsOf(node).includes('button') && stringsOf(node).some((s) => label.test(s)))
  const disabled = (node) => /tk-pressable--disabled/.test(node?.cl ?? '')
  const summary = () => page.data.summary
  const TEA = page.data.tea.product
  const CUP = page.data.cup.product
  const price = formatMoney(TEA.price)

  await check(
    `${tag} tk-product-card renders the title and the price (${price}) with its accessible name`,
    async () => {
      await host.waitFor(() => textOf(tea).includes(TEA.title), 'the product card to render')
      expect(textOf(tea).includes(price), `no ${price} in "${textOf(tea)}"`)
      const label = t('price.current', { amount: `128 ${t('currency.CNY')}` })
      expect(
        host.nodes(tea).some((node) => stringsOf(node).includes(label)),
        `no node named "${label}"`,
      )
      expect(
        host.setDataLog.some((entry) => entry.owner.endsWith('product-card/index')),
        'no setData from the card',
      )
    },
  )

  await check(`${tag} the sold-out card says ${t('product.soldOut')} and its add does nothing`, async () => {
    await host.waitFor(() => textOf(cup).includes(CUP.title), 'the sold-out card to render')
    expect(textOf(cup).includes(t('product.soldOut')), `no ${t('product.soldOut')} in "${textOf(cup)}"`)
    const add = button(cup, /加入购物车/)
    expect(add && disabled(add), 'its add button is not disabled')
    host.tap(cup, add)
    await host.settle(200)
    expect(cup.events.length === 0, `it sent ${JSON.stringify(cup.events)}`)
    expect(!summary() || summary().count === 0, `the cart has ${summary()?.count} units`)
  })

  await check(
    `${tag} tk-checkout-bar before anything is selected: "${t('cart.disabled.none')}", a tap sends nothing`,
    async () => {
      await host.waitFor(() => textOf(bar).includes(t('cart.disabled.none')), 'the disabled reason')
      const submit = button(bar, /提交订单/)
      expect(submit && disabled(submit), 'the submit button is not disabled')
      host.tap(bar, submit)
      await host.settle(200)
      expect(bar.events.length === 0, `it sent ${JSON.stringify(bar.events)}`)
    },
  )

  await check(
    `${tag} a tap on 加入购物车 updates tk-cart's total through setData and bind:change`,
    async () => {
      const before = host.setDataLog.length
      host.tap(tea, button(tea, /加入购物车/))
      await host.waitFor(() => summary()?.count === 1, 'the cart change event')
      const add = tea.events.find((event) => event.name === 'add')
      expect(
        add?.detail.result.ok === true && add.detail.count === 1,
        `add event: ${JSON.stringify(tea.events)}`,
      )
      await host.waitFor(
        () => textOf(cart).includes(`${t('cart.total')}${price}`),
        `"${t('cart.total')}${price}" in the cart`,
      )
      const cartUpdates = host.setDataLog.slice(before).filter((entry) => entry.owner.endsWith('cart/index'))
      expect(cartUpdates.length > 0, 'no setData from tk-cart after the tap')
      expect(summary().subtotal.amount === TEA.price.amount, `subtotal ${JSON.stringify(summary().subtotal)}`)
      const stored = host.storage.get('tradekit:default:guest:cart')
      expect(
        typeof stored === 'string' && stored.includes(TEA.skuId),
        'the cart is not in storage (tradekit:default:guest:cart)',
      )
      return `${cartUpdates.length} cart setData, ${cartUpdates.reduce((sum, entry) => sum + entry.bytes, 0)} B`
    },
  )

  await check(`${tag} the stepper stops at the stock (${TEA.stock}) and at the minimum (1)`, async () => {
    const plus = () => button(cart, /增加数量|Increase/)
    const minus = () => button(cart, /减少数量|Decrease/)
    expect(plus() && minus(), 'no stepper buttons in tk-cart')
    const before = host.setDataLog.length
    host.tap(cart, plus())
    await host.waitFor(() => summary()?.count === 2, '2 units')
    await host.settle(100)
    const oneTap = host.setDataLog
      .slice(before)
      .filter((entry) => entry.owner.endsWith('cart/index'))
      .reduce((sum, entry) => sum + entry.bytes, 0)
    for (let i = 0; i < TEA.stock + 1; i++) {
      host.tap(cart, plus())
      await host.settle(60)
    }
    await host.waitFor(() => summary()?.count === TEA.stock, `${TEA.stock} units`)
    await host.settle(200)
    expect(summary().count === TEA.stock, `${summary().count} units for a stock of ${TEA.stock}`)
    const total = formatMoney(multiplyMoney(TEA.price, TEA.stock))
    await host.waitFor(() => textOf(cart).includes(total), `the total ${total}`)
    expect(disabled(plus()), '+ is not disabled at the stock')
    for (let i = 0; i < TEA.stock + 2; i++) {
      host.tap(cart, minus())
      await host.settle(60)
    }
    await host.waitFor(() => summary()?.count === 1, '1 unit')
    await host.settle(200)
    expect(summary().count === 1, `${summary().count} units after going down`)
    expect(disabled(minus()), '− is not disabled at the minimum')
    return `one + tap: ${oneTap} B of tk-cart setData`
  })

  await check(`${tag} a new props object re-renders: tea with locale en-US has "Add to cart"`, async () => {
    page.setData({ 'tea.locale': 'en-US' })
    await host.waitFor(() => textOf(tea).includes('Add to cart'), '"Add to cart" on the card')
    expect(button(tea, /^Add to cart/) && !button(tea, /加入购物车/), 'the add button is not in en-US')
  })

  await check(`${tag} tk-checkout-bar: the payable, and one submit for a double tap`, async () => {
    await host.waitFor(
      () => textOf(bar).includes(price) && !textOf(bar).includes(t('cart.disabled.none')),
      'the payable',
    )
    const submit = button(bar, /提交订单/)
    expect(submit && !disabled(submit), 'the submit button is disabled')
    host.tap(bar, submit)
    await host.settle(80)
    host.tap(bar, button(bar, /提交订单/))
    await host.waitFor(() => page.data.orders.length === 1, "the page's order")
    await host.settle(300)
    const submits = bar.events.filter((event) => event.name === 'submit')
    expect(submits.length === 1, `${submits.length} submit events`)
    const { expectedPayable, lines } = submits[0].detail
    expect(expectedPayable.amount === TEA.price.amount, `expectedPayable ${JSON.stringify(expectedPayable)}`)
    expect(
      lines.length === 1 && lines[0].skuId === TEA.skuId && lines[0].quantity === 1,
      `lines ${JSON.stringify(lines)}`,
    )
    // the page's checkout is done (busy cleared): the next tap submits again
    await host.waitFor(
      () => !disabled(button(bar, /提交订单/)) && !/busy|loading/.test(button(bar, /提交订单/).cl),
      'the button back',
    )
    host.tap(bar, button(bar, /提交订单/))
    await host.waitFor(() => page.data.orders.length === 2, 'a second order after the first finished')
    expect(
      bar.events.filter((event) => event.name === 'submit').length === 2,
      'not two submits for two separate taps',
    )
  })

  await check(`${tag} base.${template} has a template for every node the components rendered`, () => {
    const base = readFileSync(path.join(dist, `base.${template}`), 'utf8')
    const kinds = new Set(
      page.children.flatMap((child) => host.nodes(child).map((node) => node.nn)).filter(Boolean),
    )
    const missing = [...kinds].filter((nn) => !base.includes(`<template name="tmpl_0_${nn}"`))
    expect(kinds.size > 3, `only ${kinds.size} node kinds rendered`)
    expect(missing.length === 0, `no template for node kinds ${missing.join(', ')}`)
    return `${kinds.size} node kinds`
  })
}

const started = Date.now()
const only = process.argv.slice(2).filter((arg) => PLATFORMS.includes(arg))
for (const type of only.length ? only : PLATFORMS) await checkPlatform(type)
console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`)
process.exit(failed > 0 ? 1 : 0)
