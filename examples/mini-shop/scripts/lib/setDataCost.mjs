// What a tap costs in a mini-program build: every render crosses from the logic layer to the view
// layer as one `setData(payload)` call, and the payload's size is what a low-end phone pays for.
// This runs a real build of the mini-shop (dist/tt, dist/weapp) in the Node host (miniHost.mjs)
// against the merchant server and records, per interaction, the setData calls, their paths (keys of
// the payload), the JSON bytes and the largest single path:
//
//   open the cart    the cart page with 50 lines stored, until every line is rendered and settled
//   stepper +1       one tap on "增加数量" of one line
//   deselect line    one tap on that line's check mark (the lines start selected), and select again
//   paying → paid    the checkout page from the render that shows "请在收银台完成支付" until it is left
//                    for the result page (sandbox cashier, the server's notification makes it paid)
//
// A "full-list update" for one line's change is a setData path whose value holds the cart's list
// (the `tk-cart-list__lines` node, its `cn` children array, or an ancestor of it), or a payload that
// names more than one line's title: either means the whole list was sent for one line.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createMiniHost, HOST_ADDRESS } from './miniHost.mjs'

/** The cart the measurement opens: this many lines. */
export const CART_LINES = 50
/** The stepper tap's budget on that cart, in JSON bytes of setData. */
export const STEPPER_BUDGET_BYTES = 1024
/** The namespace the app's TradeProvider keeps its records under (src/app.tsx). */
const NAMESPACE = 'mini-shop'

const byteLength = (value) => Buffer.byteLength(JSON.stringify(value))

/** The title of line `n` (1-based) of the measured cart. */
export const lineTitle = (n) => `购物车商品 ${String(n).padStart(2, '0')}`

/** `{ nn → { attribute → data key } }` from a base template (`aria-label="{{i.p5}}"` → p5). */
export function templateKeys(base) {
  const out = new Map()
  for (const match of base.matchAll(/<template name="tmpl_0_(\d+)">\s*<[\w-]+ ([^>]*)>/g)) {
    const keys = {}
    for (const attr of match[2].matchAll(/([\w-]+)="\{\{(?:xs\.b\()?i\.(\w+)/g)) keys[attr[1]] = attr[2]
    out.set(match[1], keys)
  }
  return out
}

/**
 * The cost of a run of setData calls: `{ calls, paths, bytes, largest: { path, bytes } }`, bytes
 * being `JSON.stringify(payload)` in UTF-8 (what the bridge carries), a path's bytes its key and value.
 */
export function costOf(entries) {
  let paths = 0
  let bytes = 0
  let largest = { path: '', bytes: 0 }
  for (const { data } of entries) {
    bytes += byteLength(data)
    for (const [key, value] of Object.entries(data)) {
      paths++
      const size = byteLength({ [key]: value })
      if (size > largest.bytes) largest = { path: key, bytes: size }
    }
  }
  return { calls: entries.length, paths, bytes, largest }
}

/** Whether a rendered node (Taro's `{ nn, cl, cn, … }` data) is the cart's list or holds it. */
function holdsList(value) {
  if (!value || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some(holdsList)
  if (typeof value.cl === 'string' && value.cl.split(' ').includes('tk-cart-list__lines')) return true
  return Array.isArray(value.cn) && value.cn.some(holdsList)
}

/**
 * The full-list updates in a run of setData calls for one line's change: paths whose value is the
 * list, an ancestor of it or its children array (`…cn` of the list node, read from the page's data
 * after the call), and payloads naming more than one line's title.
 */
export function fullListUpdates(entries, page, titles) {
  const found = []
  const listPath = listPathOf(page)
  for (const { data } of entries) {
    for (const [key, value] of Object.entries(data)) {
      if (holdsList(value)) found.push(`${key} (holds the list)`)
      else if (listPath && key === `${listPath}.cn`) found.push(`${key} (the list's children)`)
    }
    const text = JSON.stringify(data)
    const named = titles.filter((title) => text.includes(title))
    if (named.length > 1) found.push(`a payload naming ${named.length} lines' titles`)
  }
  return found
}

/** The setData path of the cart's list node in a page (`root.cn.[0].cn.[1]`), or undefined. */
function listPathOf(page) {
  const walk = (node, at) => {
    if (!node || typeof node !== 'object') return undefined
    if (typeof node.cl === 'string' && node.cl.split(' ').includes('tk-cart-list__lines')) return at
    const children = node.cn ?? []
    for (let i = 0; i < children.length; i++) {
      const found = walk(children[i], `${at}.cn.[${i}]`)
      if (found) return found
    }
    return undefined
  }
  return walk(page.data.root, 'root')
}

/**
 * On a checkout page that asks for a shipping address (a parcel), taps AddressCard's "添加收货地址"
 * and waits for the address the host's picker hands over (HOST_ADDRESS) — the user picking their
 * address through the platform. Nothing to do when the page asks for none.
 */
export async function pickAddress(host, page, attribute) {
  const add = host.nodes(page).find((node) => attribute(node, 'aria-label') === '添加收货地址')
  if (!add) return false
  host.tap(page, add)
  await host.waitFor(
    () => host.text(page.data.root).includes(HOST_ADDRESS.detail),
    'the checkout to show the picked address',
  )
  return true
}

/** Answers a host's request from the merchant server (the build's URL points at port 8787). */
export async function forward(options, merchant) {
  const url = options.url.replace(/^http:\/\/127\.0\.0\.1:8787/, merchant.url)
  const method = options.method ?? 'GET'
  const response = await fetch(url, {
    method,
    headers: options.header,
    ...(method !== 'GET' && options.data !== undefined ? { body: JSON.stringify(options.data) } : {}),
  })
  const text = await response.text()
  return { statusCode: response.status, data: text ? JSON.parse(text) : '', header: {} }
}

/** A sandbox user of the merchant server: the device code the app keeps and the session it got. */
async function sandboxUser(merchant) {
  const code = randomBytes(16).toString('hex')
  const response = await fetch(`${merchant.url}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'sandbox', code }),
  })
  const session = await response.json()
  if (response.status !== 200 || typeof session.token !== 'string')
    throw new Error(`POST /session answered ${response.status}: ${JSON.stringify(session)}`)
  return { code, session: { token: session.token, userId: session.userId } }
}

/**
 * The stored cart of `lines` lines, as the app's cart writes it: @tradekit/core's cart (the one
 * TradeProvider makes) adding each item, its record read back from the storage it wrote to.
 */
async function storedCart(userId, lines) {
  const { createCart, memoryStorage, money } = await import('@tradekit/core')
  const storage = memoryStorage()
  const cart = createCart({ storage, namespace: NAMESPACE, userId })
  for (let n = 1; n <= lines; n++) {
    cart.add({
      skuId: `cart-sku-${String(n).padStart(2, '0')}`,
      title: lineTitle(n),
      price: money(1000 + n * 100),
      kind: 'physical',
      stock: 99,
      image: `https://example.com/goods/${n}.png`,
      attributes: [{ name: '颜色', value: n % 2 ? '黑' : '白' }],
    })
  }
  await cart.flush()
  const [[key, record]] = Object.entries(storage.dump())
  return { key, record }
}

/** The stored line of a sku, read from the host's storage (what the app wrote). */
function storedLine(host, key, skuId) {
  const record = host.storage.get(key)
  const lines = typeof record === 'string' && record ? JSON.parse(record).lines : []
  return lines.find((line) => line.skuId === skuId)
}

/**
 * Runs the interactions on one build (`platform` 'tt' or 'weapp', its `dist`) and returns the rows
 * `{ interaction, calls, paths, bytes, largest, fullList }` (fullList: the full-list updates found,
 * for the one-line interactions).
 */
export async function measureSetData({ platform, dist, merchant }) {
  const template = platform === 'tt' ? 'ttml' : 'wxml'
  const globalName = platform === 'tt' ? 'tt' : 'wx'
  const base = readFileSync(path.join(dist, `base.${template}`), 'utf8')
  const keys = templateKeys(base)
  const attribute = (node, name) => node[keys.get(node.nn)?.[name]]
  const rows = []
  const titles = Array.from({ length: CART_LINES }, (_, i) => lineTitle(i + 1))

  // --- the 50-line cart: a user who filled it earlier and opens it now
  const user = await sandboxUser(merchant)
  const cart = await storedCart(user.session.userId, CART_LINES)
  const host = createMiniHost({ dist, globalName, base, request: (options) => forward(options, merchant) })
  host.storage.set('mini-shop:sandbox-device', JSON.stringify(user.code))
  host.storage.set('mini-shop:session', JSON.stringify(user.session))
  host.storage.set(cart.key, cart.record)
  host.launch()
  let mark = host.setDataLog.length
  const page = host.openPage('pages/cart/index')
  const text = () => host.text(page.data.root)
  await host.settle(() => text().includes(titles.at(-1)), `the cart to show ${CART_LINES} lines`, {
    quietMs: 500,
  })
  const shown = titles.filter((title) => text().includes(title)).length
  if (shown !== CART_LINES) throw new Error(`the cart shows ${shown} of ${CART_LINES} lines`)
  rows.push({ interaction: `open the cart (${CART_LINES} lines)`, ...costOf(host.setDataLog.slice(mark)) })

  // one line in the middle of the list
  const n = 25
  const skuId = `cart-sku-${n}`
  const group = () =>
    host
      .nodes(page)
      .find(
        (node) => attribute(node, 'aria-role') === 'group' && attribute(node, 'aria-label') === lineTitle(n),
      )
  const inLine = (label) => {
    const line = group()
    return (
      line && host.nodes({ data: { root: line } }).find((node) => attribute(node, 'aria-label') === label)
    )
  }

  const plus = inLine('增加数量')
  if (!plus) throw new Error(`no "增加数量" in line ${lineTitle(n)}`)
  mark = host.setDataLog.length
  host.tap(page, plus)
  await host.settle(() => storedLine(host, cart.key, skuId)?.quantity === 2, 'the line to hold 2')
  let entries = host.setDataLog.slice(mark)
  rows.push({
    interaction: 'stepper +1 (one line)',
    ...costOf(entries),
    fullList: fullListUpdates(entries, page, titles),
  })

  for (const [interaction, selected] of [
    ['deselect one line', false],
    ['select it again', true],
  ]) {
    const check = inLine(`选择${lineTitle(n)}`)
    if (!check) throw new Error(`no "选择${lineTitle(n)}" check mark`)
    mark = host.setDataLog.length
    host.tap(page, check)
    await host.settle(
      () => storedLine(host, cart.key, skuId)?.selected === selected,
      `the line ${interaction}`,
    )
    entries = host.setDataLog.slice(mark)
    rows.push({ interaction, ...costOf(entries), fullList: fullListUpdates(entries, page, titles) })
  }

  // --- the checkout: one line from the catalogue, added the app's way, paid through the sandbox
  const buyer = createMiniHost({ dist, globalName, base, request: (options) => forward(options, merchant) })
  buyer.launch()
  const index = buyer.openPage('pages/index/index')
  const addTea = () =>
    buyer.nodes(index).find((node) => attribute(node, 'aria-label') === '加入购物车：明前龙井礼盒')
  await buyer.waitFor(() => addTea() !== undefined, "the catalog's tea gift box")
  buyer.tap(index, addTea())
  await buyer.waitFor(() => buyer.text(index.data.root).includes('购物车 1'), 'the cart to hold the tea')
  const checkoutRoute = (() => {
    const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
    const sub = (appJson.subPackages ?? appJson.subpackages ?? []).find(({ pages }) =>
      pages.includes('pages/checkout/index'),
    )
    return sub ? `${sub.root}/pages/checkout/index` : 'pages/checkout/index'
  })()
  const checkout = buyer.openPage(checkoutRoute, { from: 'cart' })
  await buyer.waitFor(() => buyer.text(checkout.data.root).includes('支付方式'), 'the checkout page')
  await pickAddress(buyer, checkout, attribute)
  let payingAt = -1
  let leftAt = -1
  const stop = buyer.onSetData((instance) => {
    if (
      instance === checkout &&
      payingAt < 0 &&
      buyer.text(checkout.data.root).includes('请在收银台完成支付')
    )
      payingAt = buyer.setDataLog.length
    if (instance !== checkout && leftAt < 0 && payingAt >= 0) leftAt = buyer.setDataLog.length - 1
  })
  const submit = buyer
    .nodes(checkout)
    .find((node) => String(attribute(node, 'aria-label') ?? '').startsWith('提交订单'))
  if (!submit) throw new Error('no submit button on the checkout page')
  buyer.tap(checkout, submit)
  await buyer.waitFor(
    () => buyer.currentPage() !== checkout && buyer.text(buyer.currentPage().data.root).includes('支付成功'),
    'the result page to say 支付成功',
  )
  stop()
  if (payingAt < 0) throw new Error('the checkout page never showed 请在收银台完成支付')
  entries = buyer.setDataLog
    .slice(payingAt, leftAt < 0 ? undefined : leftAt)
    .filter((entry) => entry.route === checkoutRoute)
  rows.push({ interaction: 'checkout paying → paid', ...costOf(entries) })
  return rows
}

/** A path's last steps, for a table cell: `…cn.[1].p26`. */
const tailOf = (key) => {
  const parts = key.split('.')
  return parts.length > 3 ? `…${parts.slice(-3).join('.')}` : key
}

/**
 * The measured rows of each build as one Markdown table: `results` is `[[build, rows], …]`.
 */
export function setDataTable(results) {
  const headers = ['build', 'interaction', 'setData calls', 'paths', 'JSON bytes', 'largest path (bytes)']
  const rows = results.flatMap(([build, measured]) =>
    measured.map((row) => [
      build,
      row.interaction,
      row.calls,
      row.paths,
      row.bytes.toLocaleString('en-US'),
      row.largest.path ? `${tailOf(row.largest.path)} (${row.largest.bytes.toLocaleString('en-US')})` : '—',
    ]),
  )
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  )
  const left = [0, 1, 5]
  const line = (cells) =>
    `| ${cells.map((cell, i) => (left.includes(i) ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (left.includes(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}
