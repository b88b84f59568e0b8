// Builds the mini-shop for Douyin (tt), WeChat (weapp) and Alipay (alipay) and checks what the
// platforms will load:
//
//   pnpm --filter mini-shop check:builds
//
// - every page of src/app.config.ts is in app.json and has its script, config, template and style;
//   its subpackage (checkout, result, article) is in app.json as declared;
// - the TradeKit components only the subpackage's pages use (their styles) are in the subpackage, not
//   in the main package (Taro's mini.optimizeMainPackage);
// - the shared template file (base.ttml / base.wxml) has a template for every Taro component that
//   TradeKit's exported components use (found by scanning packages/taro/src from its index for
//   imports from '@tarojs/components'): Taro writes only the templates its build saw used;
// - the designWidth function: a TradeKit size (authored at 375) doubles, an app size (750) stays;
// - what a tap costs (scripts/lib/setDataCost.mjs): on a 50-line cart one stepper tap sends at most
//   1 KB of setData, and no one-line change (stepper, select) sends the whole list; the table of
//   every measured interaction is printed at the end;
// - each build runs in the Node host with its platform's global (`tt`, `wx`, `my` answering in
//   Alipay's shapes); the TRADEKIT_REAL_CASHIER=1 Alipay build buys through `my.tradePay`
//   (alipayChannel) against a merchant server whose Alipay gateway is scripts/lib/fakeAlipay.mjs,
//   and the order is paid once the server verified Alipay's notification.
//
// SKIP_LIB_BUILD=1 skips building the TradeKit packages, SKIP_APP_BUILD=1 checks the existing dist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { startFakeAlipay } from './lib/fakeAlipay.mjs'
import { createMiniHost } from './lib/miniHost.mjs'
import { appDir, buildLibraries, buildMerchant, repoDir, run, startMerchant } from './lib/servers.mjs'
import {
  CART_LINES,
  forward as forwardToMerchant,
  measureSetData,
  pickAddress,
  STEPPER_BUDGET_BYTES,
  setDataTable,
} from './lib/setDataCost.mjs'

/** Builds with the platform's own cashier switched on. */
const REAL_CASHIER_DIST = 'dist/tt-real-cashier'
const REAL_CASHIER_WEAPP_DIST = 'dist/weapp-real-cashier'
const REAL_CASHIER_ALIPAY_DIST = 'dist/alipay-real-cashier'

const PLATFORMS = {
  tt: { template: 'ttml', style: 'ttss', globalName: 'tt' },
  weapp: { template: 'wxml', style: 'wxss', globalName: 'wx' },
  alipay: { template: 'axml', style: 'acss', globalName: 'my' },
}
/** The platforms whose setData cost is measured and held to its budgets. */
const SETDATA_PLATFORMS = ['tt', 'weapp']

let passed = 0
let failed = 0
function check(name, fn) {
  try {
    const note = fn()
    passed++
    console.log(`✓ ${name}${note ? ` — ${note}` : ''}`)
  } catch (error) {
    failed++
    console.log(`✗ ${name}\n  ${error.message}`)
  }
}
async function checkAsync(name, fn) {
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

/**
 * src/app.config.ts as Taro reads it (a plain object literal passed to defineAppConfig): the main
 * package's `pages` and the `subPackages`.
 */
function appConfig() {
  const source = readFileSync(path.join(appDir, 'src/app.config.ts'), 'utf8')
  expect(
    /^export default defineAppConfig\(/m.test(source),
    'src/app.config.ts: no export default defineAppConfig(',
  )
  const config = new Function('defineAppConfig', source.replace(/^export default /m, 'return '))((c) => c)
  expect(Array.isArray(config?.pages), 'no pages array in src/app.config.ts')
  return { pages: config.pages, subPackages: config.subPackages ?? [] }
}

/** Every page of the app, main package first, subpackage pages under their root. */
const allPages = ({ pages, subPackages }) => [
  ...pages,
  ...subPackages.flatMap(({ root, pages: subPages }) => subPages.map((page) => `${root}/${page}`)),
]

/** Where a page of the app is: `pages/checkout/index` → `packageTrade/pages/checkout/index`. */
function routeOf(config, page) {
  const route = allPages(config).find((candidate) => candidate === page || candidate.endsWith(`/${page}`))
  expect(route, `no page ${page} in src/app.config.ts`)
  return route
}

/** The root of the subpackage a built file is in, or '' for the main package. */
const packageOf = (file, subPackages) =>
  subPackages.map(({ root }) => root).find((root) => file.startsWith(`${root}/`)) ?? ''

/**
 * The TradeKit components (from '@tradekit/taro') that only the subpackages' pages import, with the
 * root class of each one's stylesheet (packages/taro/dist/<Name>.css): `{ name, selector }`.
 */
function subpackageOnlyComponents({ subPackages }) {
  const srcDir = path.join(appDir, 'src')
  const roots = subPackages.map(({ root }) => root)
  const imports = { main: new Set(), sub: new Set() }
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry)
      if (statSync(file).isDirectory()) walk(file)
      else if (/\.tsx?$/.test(file)) {
        const relative = path.relative(srcDir, file).split(path.sep).join('/')
        const side = roots.some((root) => relative.startsWith(`${root}/`)) ? 'sub' : 'main'
        const source = readFileSync(file, 'utf8')
        for (const match of source.matchAll(/import\s+\{([^}]*)\}\s+from\s+'@tradekit\/taro'/g)) {
          for (const raw of match[1].split(',')) {
            const name = raw.trim()
            if (name && !name.startsWith('type ')) imports[side].add(name)
          }
        }
      }
    }
  }
  walk(srcDir)
  const distDir = path.join(repoDir, 'packages/taro/dist')
  return [...imports.sub]
    .filter((name) => !imports.main.has(name) && existsSync(path.join(distDir, `${name}.css`)))
    .map((name) => {
      const css = readFileSync(path.join(distDir, `${name}.css`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
      const selector = /(?:^|\})\s*(\.tk-[\w-]+)\s*[{,]/.exec(css)?.[1]
      return { name, selector }
    })
    .filter(({ selector }) => selector)
}

/**
 * Whether a CSS text has a rule whose selector (or one of a selector list) starts with `selector`
 * (`.tk-paywall`, `.tk-paywall .x`, not `.tk-paywall--locked`), also right after an `@import …;`.
 */
function hasRuleFor(css, selector) {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?:^|[};,])\\s*${escaped}(?![\\w-])[^{};]*\\{`).test(css)
}

/** The text of a build's files with extension `ext` (styles, JS), by package: { main, [root]: text }. */
function textByPackage(dist, ext, subPackages) {
  const out = { main: '' }
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry)
      if (statSync(file).isDirectory()) walk(file)
      else if (file.endsWith(`.${ext}`)) {
        const key = packageOf(path.relative(dist, file).split(path.sep).join('/'), subPackages) || 'main'
        out[key] = `${out[key] ?? ''}\n${readFileSync(file, 'utf8')}`
      }
    }
  }
  walk(dist)
  return out
}

/** `ScrollView` → `scroll-view`. */
const tagOf = (component) => component.replace(/[A-Z]/g, (c, i) => (i === 0 ? c : `-${c}`).toLowerCase())

/**
 * The Taro components TradeKit's public components use: the '@tarojs/components' imports of every
 * file reachable from packages/taro/src/index.ts.
 */
function tradekitComponents() {
  const srcDir = path.join(repoDir, 'packages/taro/src')
  const seen = new Set()
  const components = new Map() // name → files
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@tarojs\/components'/g)) {
      if (/import\s+type/.test(match[0])) continue
      for (const raw of match[1].split(',')) {
        const name = raw
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]
        if (!name || raw.trim().startsWith('type ')) continue
        components.set(name, [...(components.get(name) ?? []), path.relative(srcDir, file)])
      }
    }
    for (const match of source.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)) {
      const base = path.resolve(path.dirname(file), match[1])
      const target = ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync)
      if (target) visit(target)
    }
  }
  visit(path.join(srcDir, 'index.ts'))
  return components
}

/** The rule bodies of `selector` in a CSS text (minified or not). */
function rulesOf(css, selector) {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(?:^|[},])\\s*${escaped}\\s*(?:,[^{]*)?\\{([^}]*)\\}`, 'g')
  return [...css.matchAll(pattern)].map((match) => match[1].replace(/\s+/g, ''))
}

/** All style text of a build. */
function builtStyles(dist, ext) {
  const out = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry)
      if (statSync(file).isDirectory()) walk(file)
      else if (file.endsWith(`.${ext}`)) out.push(readFileSync(file, 'utf8'))
    }
  }
  walk(dist)
  return out.join('\n')
}

/** A declaration of `px` px in a source CSS file: { selector, property }. */
function findPxDeclaration(cssFile, px) {
  const css = readFileSync(cssFile, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  for (const match of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selector = match[1].trim().split(',')[0].trim()
    if (!/^\.[\w-]+$/.test(selector)) continue
    const declaration = new RegExp(`(?:^|;)\\s*([\\w-]+)\\s*:\\s*${px}px\\s*(?:;|$)`).exec(match[2])
    if (declaration) return { selector, property: declaration[1] }
  }
  return null
}

/** Bytes of a build's files with one of `extensions`, in the main package (`root` '') or a subpackage. */
function bytesOf(dist, extensions, subPackages, root = '') {
  let total = 0
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry)
      if (statSync(file).isDirectory()) walk(file)
      else if (
        extensions.some((ext) => file.endsWith(`.${ext}`)) &&
        packageOf(path.relative(dist, file).split(path.sep).join('/'), subPackages) === root
      )
        total += statSync(file).size
    }
  }
  walk(dist)
  return total
}

/** `{ nn → { attribute → data key } }` from a base template (`aria-label="{{i.p5}}"` → p5). */
function templateKeys(base) {
  const out = new Map()
  for (const match of base.matchAll(/<template name="tmpl_0_(\d+)">\s*<[\w-]+ ([^>]*)>/g)) {
    const keys = {}
    for (const attr of match[2].matchAll(/([\w-]+)="\{\{(?:xs\.b\()?i\.(\w+)/g)) keys[attr[1]] = attr[2]
    out.set(match[1], keys)
  }
  return out
}

/**
 * Runs the build in a Node host (scripts/lib/miniHost.mjs) against a merchant server: the catalog
 * must render the server's goods, hand TradeKit's aria props and the page's theme variables to the
 * templates, and a tap on "add to cart" must reach the stored cart.
 */
async function runtimeChecks(
  platform,
  template,
  merchant,
  { dist, label = platform, cashier, otherCashiers, routes, authCode },
) {
  const base = readFileSync(path.join(dist, `base.${template}`), 'utf8')
  const keys = templateKeys(base)
  const host = createMiniHost({
    dist,
    globalName: PLATFORMS[platform].globalName,
    base,
    request: (options) => forward(options, merchant),
    authCode,
  })
  let page
  let checkoutPage
  const attribute = (node, name) => node[keys.get(node.nn)?.[name]]
  await checkAsync(
    `${label}: the app runs in a Node host and the catalog renders the server's goods`,
    async () => {
      host.launch()
      page = host.openPage('pages/index/index')
      const text = () => host.text(page.data.root)
      await host.waitFor(
        () => text().includes('明前龙井礼盒') && text().includes('30 分钟法律咨询'),
        "the catalog to show the server's goods",
      )
      return `${host.setDataLog.length} setData calls`
    },
  )
  const addTea = () =>
    page && host.nodes(page).find((node) => attribute(node, 'aria-label') === '加入购物车：明前龙井礼盒')
  check(`${label}: TradeKit's aria-label/aria-role reach the native attributes`, () => {
    const node = addTea()
    expect(node, 'no node whose template aria-label is "加入购物车：明前龙井礼盒"')
    expect(attribute(node, 'aria-role') === 'button', `aria-role is ${attribute(node, 'aria-role')}`)
  })
  check(`${label}: a disabled action carries aria-disabled for assistive technology`, () => {
    // TradeKit styles disabled and busy actions with [aria-disabled="true"] / [aria-busy="true"]:
    // without the attribute in the template a sold-out item's button looks enabled
    const soldOut =
      page && host.nodes(page).find((node) => attribute(node, 'aria-label') === '加入购物车：限量版画')
    expect(soldOut, 'no add-to-cart node for the sold-out print')
    expect(
      attribute(soldOut, 'aria-disabled') === 'true',
      `aria-disabled is ${attribute(soldOut, 'aria-disabled')}`,
    )
    expect(attribute(addTea(), 'aria-disabled') !== 'true', 'an available product is disabled too')
  })
  check(`${label}: the page's theme reaches the template as CSS variables in the inline style`, () => {
    const root = page && host.nodes(page).find((node) => node.cl?.split(' ').includes('tk-root'))
    expect(root, 'no tk-root node in the page')
    expect(root.st?.includes('--tk-color-primary: #a4133c'), `style is ${JSON.stringify(root.st)}`)
    return root.st
  })
  await checkAsync(`${label}: a tap on "加入购物车" reaches the stored cart`, async () => {
    const node = addTea()
    expect(node, 'no add-to-cart node')
    expect(!host.text(page.data.root).includes('购物车 1'), 'the cart is not empty before the tap')
    host.tap(page, node)
    await host.waitFor(
      () => host.text(page.data.root).includes('购物车 1'),
      'the cart button to say 购物车 1',
    )
    // the cart is kept per user: the one the app logged in as (its sandbox login)
    const { userId } = JSON.parse(host.storage.get('mini-shop:session') ?? '{}')
    const stored = host.storage.get(`tradekit:mini-shop:${userId}:cart`)
    expect(typeof stored === 'string' && stored.includes('tea-gift-box'), `stored cart: ${stored}`)
  })
  await checkAsync(`${label}: the cart's checkout offers ${cashier} only`, async () => {
    // the checkout is in the subpackage: its page file loads the subpackage's own chunks
    const checkout = host.openPage(routes.checkout, { from: 'cart' })
    const text = () => host.text(checkout.data.root)
    await host.waitFor(
      () => text().includes('支付方式') && text().includes('明前龙井礼盒'),
      'the checkout page',
    )
    expect(text().includes(cashier), `no ${cashier} on the checkout page`)
    const others = otherCashiers.filter((other) => text().includes(other))
    expect(others.length === 0, `the checkout page also offers ${others.join(', ')}`)
    checkoutPage = checkout
  })
  if (cashier !== '模拟收银台') return
  let paidOrderId
  await checkAsync(`${label}: paying through the sandbox cashier ends on the result page, paid`, async () => {
    expect(checkoutPage, 'no checkout page')
    // a parcel ships to the address the user picks with the platform's picker
    await pickAddress(host, checkoutPage, attribute)
    const submit = host
      .nodes(checkoutPage)
      .find((node) => String(attribute(node, 'aria-label') ?? '').startsWith('提交订单'))
    expect(submit, 'no submit button')
    host.tap(checkoutPage, submit)
    await host.waitFor(
      () =>
        host.currentPage()?.route === routes.result &&
        host.text(host.currentPage().data.root).includes('支付成功'),
      'the result page to say 支付成功',
    )
    const orderId = host.currentPage().options.orderId
    const order = await (
      await fetch(`${merchant.url}/orders/${orderId}`, { headers: { authorization: appAuthorization } })
    ).json()
    expect(order.status === 'paid', `the server says ${order.status}`)
    paidOrderId = orderId
    return `order ${orderId}`
  })
  await checkAsync(
    `${label}: 我的订单 lists the paid order, and its detail page opens at the orderEntrySchema path`,
    async () => {
      expect(paidOrderId, 'no paid order')
      // the order centre is a subpackage of its own
      const list = host.openPage(routes.orders)
      await host.waitFor(
        () => host.text(list.data.root).includes(`订单号 ${paidOrderId}`),
        'the order list to show the paid order',
      )
      // what Douyin's order entry opens: the detail page with the order's id
      const detail = host.openPage(routes.orderDetail, { id: paidOrderId })
      const text = () => host.text(detail.data.root)
      await host.waitFor(
        () => text().includes(paidOrderId) && text().includes('待发货') && text().includes('申请退款'),
        'the detail page to show the paid order and its refund action',
      )
      return `${routes.orders}, ${routes.orderDetail}?id=…`
    },
  )
}

/**
 * On iOS, how the catalog offers the sticker pack (a virtual good): the accessible names of its
 * actions (`expected` null: none, and no price either).
 */
async function iosVirtualGoods(dist, template, globalName, merchant, label, expected) {
  const keys = templateKeys(readFileSync(path.join(dist, `base.${template}`), 'utf8'))
  const attribute = (node, name) => node[keys.get(node.nn)?.[name]]
  const wording = expected ? `offered as "${expected}"` : 'shown without price or buy action'
  await checkAsync(`${label} on iOS: the sticker pack (virtual) is ${wording}`, async () => {
    const host = createMiniHost({
      dist,
      globalName,
      system: { platform: 'ios', system: 'iOS 17.4' },
      request: (options) => forward(options, merchant),
    })
    host.launch()
    const page = host.openPage('pages/index/index')
    const card = () =>
      host
        .nodes(page)
        .find((node) => node.cl?.includes('tk-product-card') && attribute(node, 'aria-label') === '表情包')
    await host.waitFor(() => card() !== undefined, 'the sticker pack card')
    const actions = host
      .nodes({ data: { root: card() } })
      .map((node) => attribute(node, 'aria-label'))
      .filter((name) => typeof name === 'string' && name.endsWith('：表情包'))
    expect(
      JSON.stringify(actions) === JSON.stringify(expected ? [`${expected}：表情包`] : []),
      `actions: ${JSON.stringify(actions)}`,
    )
    const text = host.text(card())
    expect(expected ? text.includes('¥6') : !text.includes('¥'), `card text: ${text}`)
  })
}

/**
 * What a tap costs on `platform`'s build (scripts/lib/setDataCost.mjs), held to its budgets: one
 * stepper tap on a 50-line cart ≤ 1 KB of setData, and no full-list update for one line's change.
 */
async function setDataChecks(platform, merchant, results) {
  let rows
  await checkAsync(`${platform}: setData of the cart and checkout interactions is measured`, async () => {
    rows = await measureSetData({ platform, dist: path.join(appDir, 'dist', platform), merchant })
    results.push([platform, rows])
    return rows.map((row) => `${row.interaction} ${row.bytes} B`).join(', ')
  })
  const stepper = rows?.find((row) => row.interaction.startsWith('stepper'))
  check(
    `${platform}: one stepper tap on a ${CART_LINES}-line cart sends ≤ ${STEPPER_BUDGET_BYTES} bytes of setData`,
    () => {
      expect(stepper, 'no stepper measurement')
      expect(
        stepper.bytes <= STEPPER_BUDGET_BYTES,
        `${stepper.bytes} bytes in ${stepper.calls} calls (${stepper.paths} paths); largest ${stepper.largest.path} (${stepper.largest.bytes} B)`,
      )
      return `${stepper.bytes} B in ${stepper.calls} call(s), ${stepper.paths} paths`
    },
  )
  check(`${platform}: no one-line change (stepper, select) sends the whole list`, () => {
    const oneLine = rows?.filter((row) => row.fullList) ?? []
    expect(oneLine.length === 3, `${oneLine.length} one-line interactions measured`)
    const found = oneLine.flatMap((row) => row.fullList.map((what) => `${row.interaction}: ${what}`))
    expect(found.length === 0, found.join('; '))
  })
}

/**
 * The TRADEKIT_REAL_CASHIER=1 Alipay build against a merchant server with the Alipay channel on, its
 * gateway played by scripts/lib/fakeAlipay.mjs (test keys made now): the checkout offers 支付宝
 * only, and a purchase goes createOrder → alipay.trade.create → `my.tradePay({ tradeNO })`
 * (alipayChannel) → Alipay's signed notification → the server's order paid → the result page.
 */
async function alipayRealCashier(routes) {
  const started = Date.now()
  const dist = path.join(appDir, REAL_CASHIER_ALIPAY_DIST)
  const alipay = await startFakeAlipay()
  let merchant
  try {
    // the notify URL is known once the server has its port: Alipay is told a placeholder, the
    // notification below is posted to the server's own /pay/alipay/notify
    merchant = await startMerchant({ env: alipay.env('https://shop.example.com/pay/alipay/notify') })
    await runtimeChecks('alipay', 'axml', merchant, {
      dist,
      label: 'alipay (TRADEKIT_REAL_CASHIER=1)',
      cashier: '支付宝',
      otherCashiers: ['模拟收银台', '抖音支付', '微信支付'],
      routes,
      // the app logs in with my.getAuthCode's code, which the gateway knows
      authCode: alipay.authCode,
    })
    await alipayPurchase(dist, merchant, alipay, routes)
  } finally {
    await merchant?.stop()
    await alipay.close()
  }
  console.log(`alipay (TRADEKIT_REAL_CASHIER=1): checked in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * A purchase on the Alipay build through Alipay's cashier, as the user the app logs in as itself
 * (`Taro.login` → `my.getAuthCode`, whose code the server exchanges through
 * alipay.system.oauth.token). `my.tradePay` answers 9000 after Alipay notified the server, as the
 * real cashier does; only the server's status makes the order paid.
 */
async function alipayPurchase(dist, merchant, alipay, routes) {
  const label = 'alipay (TRADEKIT_REAL_CASHIER=1)'
  const base = readFileSync(path.join(dist, 'base.axml'), 'utf8')
  const keys = templateKeys(base)
  const attribute = (node, name) => node[keys.get(node.nn)?.[name]]
  const steps = []
  const notifyUrl = `${merchant.url}/pay/alipay/notify`
  const host = createMiniHost({
    dist,
    globalName: 'my',
    base,
    request: (options) => forward(options, merchant),
    authCode: alipay.authCode,
    async cashier(api, options) {
      if (api !== 'tradePay') return undefined
      const trade = [...alipay.trades.values()].find((candidate) => candidate.tradeNo === options.tradeNO)
      steps.push(`my.tradePay({ tradeNO: ${options.tradeNO} })`)
      if (!trade) return { resultCode: '4000', memo: 'no such trade' }
      const answer = await alipay.notify(trade.outTradeNo, notifyUrl)
      steps.push(`notification → ${answer.status} ${answer.text}`)
      return { resultCode: '9000', result: '', memo: '' }
    },
  })
  let orderId
  await checkAsync(
    `${label}: a purchase reaches my.tradePay through alipayChannel and ends paid after Alipay's verified notification`,
    async () => {
      host.launch()
      const index = host.openPage('pages/index/index')
      const addTea = () =>
        host.nodes(index).find((node) => attribute(node, 'aria-label') === '加入购物车：明前龙井礼盒')
      await host.waitFor(() => addTea() !== undefined, "the catalog's tea gift box")
      host.tap(index, addTea())
      await host.waitFor(() => host.text(index.data.root).includes('购物车 1'), 'the cart to hold the tea')
      steps.push('加入购物车 (onTap)')
      const checkout = host.openPage(routes.checkout, { from: 'cart' })
      await host.waitFor(
        () =>
          host.text(checkout.data.root).includes('支付方式') &&
          host.text(checkout.data.root).includes('支付宝'),
        'the checkout page with 支付宝',
      )
      if (await pickAddress(host, checkout, attribute)) steps.push('添加收货地址 → my.getAddress')
      const submit = host
        .nodes(checkout)
        .find((node) => String(attribute(node, 'aria-label') ?? '').startsWith('提交订单'))
      expect(submit, 'no submit button')
      host.tap(checkout, submit)
      steps.push('提交订单 (onTap)')
      await host.waitFor(
        () =>
          host.currentPage()?.route === routes.result &&
          host.text(host.currentPage().data.root).includes('支付成功'),
        'the result page to say 支付成功',
        30_000,
      )
      orderId = host.currentPage().options.orderId
      // the app logged in by itself: my.getAuthCode's code, exchanged by the server
      const session = JSON.parse(host.storage.get('mini-shop:session') ?? '{}')
      expect(session.userId === `alipay:${alipay.openId}`, `the app's login is ${session.userId}`)
      steps.push(`login: my.getAuthCode → alipay.system.oauth.token → ${session.userId}`)
      const trade = alipay.trades.get(orderId)
      expect(trade, `no Alipay trade for ${orderId}: gateway calls ${alipay.calls.join(', ')}`)
      expect(trade.productCode === 'JSAPI_PAY', `product_code ${trade.productCode}`)
      expect(trade.buyer === alipay.openId, `the trade's buyer is ${trade.buyer}`)
      const paid = host.cashierCalls.filter((call) => call.api === 'tradePay')
      expect(
        paid.length === 1 && paid[0].options.tradeNO === trade.tradeNo,
        `tradePay calls: ${JSON.stringify(paid.map((call) => call.options.tradeNO))}`,
      )
      const order = await (
        await fetch(`${merchant.url}/orders/${orderId}`, {
          headers: { authorization: `Bearer ${session.token}` },
        })
      ).json()
      expect(order.status === 'paid', `the server says ${order.status}`)
      steps.push(`result page 支付成功; server: ${order.status}`)
      return `${alipay.calls.join(' → ')}; ${steps.join(' → ')}`
    },
  )
  console.log(`  Alipay purchase steps: ${steps.join(' → ')}`)
}

/** The session the app in the host sent last (its sandbox login), to read its orders as it. */
let appAuthorization = ''

/** Answers a host's request from the merchant server, noting the session the app sent. */
function forward(options, merchant) {
  appAuthorization = options.header?.Authorization ?? options.header?.authorization ?? appAuthorization
  return forwardToMerchant(options, merchant)
}

async function main() {
  if (process.env.SKIP_APP_BUILD !== '1') {
    buildLibraries()
    for (const platform of Object.keys(PLATFORMS)) run('pnpm', ['run', `build:${platform}`])
    run('pnpm', ['run', 'build:tt'], {
      env: { ...process.env, TRADEKIT_REAL_CASHIER: '1', MINI_SHOP_OUTPUT: REAL_CASHIER_DIST },
    })
    run('pnpm', ['run', 'build:weapp'], {
      env: { ...process.env, TRADEKIT_REAL_CASHIER: '1', MINI_SHOP_OUTPUT: REAL_CASHIER_WEAPP_DIST },
    })
    run('pnpm', ['run', 'build:alipay'], {
      env: { ...process.env, TRADEKIT_REAL_CASHIER: '1', MINI_SHOP_OUTPUT: REAL_CASHIER_ALIPAY_DIST },
    })
  }
  buildMerchant()
  const config = appConfig()
  const pages = allPages(config)
  const subOnly = subpackageOnlyComponents(config)
  const routes = {
    checkout: routeOf(config, 'pages/checkout/index'),
    result: routeOf(config, 'pages/result/index'),
    orders: routeOf(config, 'pages/list/index'),
    orderDetail: routeOf(config, 'pages/detail/index'),
  }
  const components = tradekitComponents()
  /** A component file's root class: its stylesheet's first selector, else the first `tk-…` class it names. */
  const rootClassOf = (file) => {
    const css = file.replace(/\.tsx?$/, '.css')
    const fromCss = existsSync(css) ? readFileSync(css, 'utf8').match(/^\.(tk-[a-z0-9-]+)/m) : null
    return (fromCss ?? readFileSync(file, 'utf8').match(/['"`](tk-[a-z0-9-]+)/))?.[1]
  }
  /** Every JS file of a build, joined. */
  const jsUnder = (dir) =>
    readdirSync(dir, { recursive: true })
      .filter((file) => String(file).endsWith('.js'))
      .map((file) => readFileSync(path.join(dir, String(file)), 'utf8'))
      .join('\n')
  const tradekitCss = readdirSync(path.join(repoDir, 'packages/taro/dist'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(repoDir, 'packages/taro/dist', file))
  const libraryProbe = tradekitCss.map((file) => findPxDeclaration(file, 28)).find(Boolean)
  const appProbe = findPxDeclaration(path.join(appDir, 'src/app.css'), 28)

  for (const [platform, { template, style }] of Object.entries(PLATFORMS)) {
    const dist = path.join(appDir, 'dist', platform)
    check(`${platform}: app.json lists every page and subpackage of app.config.ts`, () => {
      const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
      expect(
        JSON.stringify(appJson.pages) === JSON.stringify(config.pages),
        `app.json pages ${JSON.stringify(appJson.pages)} ≠ ${JSON.stringify(config.pages)}`,
      )
      const subPackages = (appJson.subPackages ?? appJson.subpackages ?? []).map(({ root, pages }) => ({
        root,
        pages,
      }))
      const declared = config.subPackages.map(({ root, pages }) => ({ root, pages }))
      expect(
        JSON.stringify(subPackages) === JSON.stringify(declared),
        `app.json subPackages ${JSON.stringify(subPackages)} ≠ ${JSON.stringify(declared)}`,
      )
      return `${config.pages.length} main pages, ${pages.length - config.pages.length} in ${declared.map(({ root }) => root).join(', ')}`
    })
    check(`${platform}: every page has its .js, .json, .${template} and .${style}`, () => {
      const missing = pages.flatMap((page) =>
        ['js', 'json', template, style]
          .map((ext) => `${page}.${ext}`)
          .filter((file) => !existsSync(path.join(dist, file))),
      )
      expect(missing.length === 0, `missing: ${missing.join(', ')}`)
    })
    // The TradeKit components the app renders: a source file counts when its root class (the first
    // selector of its stylesheet, or its first `tk-…` class) is in the build's JS. Taro writes templates only for what a build uses, so a
    // component the app leaves out (AddressForm's Picker) needs none.
    const builtJs = jsUnder(dist)
    const used = new Map(
      [...components].flatMap(([name, files]) => {
        const rendered = files.filter((file) => {
          const root = rootClassOf(path.join(repoDir, 'packages/taro/src', file))
          return root !== undefined && builtJs.includes(root)
        })
        return rendered.length > 0 ? [[name, rendered]] : []
      }),
    )
    check(`${platform}: base.${template} has the templates of every Taro component TradeKit uses`, () => {
      const base = readFileSync(path.join(dist, `base.${template}`), 'utf8')
      expect(components.size > 0, 'found no @tarojs/components import in packages/taro/src')
      expect(used.size > 0, 'found no TradeKit component in the build')
      const missing = [...used.keys()].filter((name) => !new RegExp(`<${tagOf(name)}[\\s>]`).test(base))
      expect(
        missing.length === 0,
        `no template for ${missing.map((name) => `${name} (used by ${used.get(name).join(', ')})`).join('; ')}`,
      )
      return [...used.keys()].join(', ')
    })
    check(
      `${platform}: TradeKit's ariaRole/ariaLabel props have aria-* attributes in those templates`,
      () => {
        // TradeKit's a11y() passes ariaRole/ariaLabel/… on mini-programs; Taro 4.2.0's templates have no
        // aria-* attribute of their own: @tradekit/taro/taro-plugin adds them.
        const base = readFileSync(path.join(dist, `base.${template}`), 'utf8')
        const missing = [...used.keys()].filter(
          (name) =>
            !['aria-role', 'aria-label'].every((attribute) =>
              new RegExp(`<${tagOf(name)}\\s[^>]*${attribute}="`).test(base),
            ),
        )
        expect(missing.length === 0, `no aria-role/aria-label on ${missing.join(', ')}`)
      },
    )
    check(`${platform}: the TradeKit components only the subpackage uses are not in the main package`, () => {
      // their stylesheets sit with their code (each component's module imports its CSS)
      expect(config.subPackages.length > 0, 'src/app.config.ts declares no subpackage')
      expect(subOnly.length > 0, 'found no TradeKit component that only subpackage pages import')
      const styles = textByPackage(dist, style, config.subPackages)
      const inMain = subOnly.filter(({ selector }) => hasRuleFor(styles.main, selector))
      expect(
        inMain.length === 0,
        `in the main package: ${inMain.map(({ name, selector }) => `${name} (${selector})`).join(', ')}`,
      )
      const subText = config.subPackages.map(({ root }) => styles[root] ?? '').join('\n')
      const missing = subOnly.filter(({ selector }) => !hasRuleFor(subText, selector))
      expect(
        missing.length === 0,
        `not in the subpackage either: ${missing.map(({ name, selector }) => `${name} (${selector})`).join(', ')}`,
      )
      return subOnly.map(({ name }) => name).join(', ')
    })
    await checkAsync(
      `${platform}: the checkout's and membership's text is in the subpackage, not in the main package`,
      async () => {
        // imported here, once the libraries are built
        const { checkoutMessages, goodsMessages, membershipMessages } = await import('@tradekit/core')
        // components read only their part of the catalogue, and @tradekit/core ships one module per
        // file: the checkout and membership parts go where their components are
        // the minifier writes non-ASCII text as \\uXXXX and \\xXX escapes: read them back
        const js = Object.fromEntries(
          Object.entries(textByPackage(dist, 'js', config.subPackages)).map(([key, text]) => [
            key,
            text.replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/g, (_, u, x) =>
              String.fromCharCode(Number.parseInt(u ?? x, 16)),
            ),
          ]),
        )
        const subJs = config.subPackages.map(({ root }) => js[root] ?? '').join('\n')
        const goods = Object.values(goodsMessages['zh-CN']).join('\n')
        const texts = [checkoutMessages, membershipMessages].flatMap((part) =>
          Object.values(part['zh-CN']).filter((text) => text.length >= 6 && !goods.includes(text)),
        )
        const inMain = texts.filter((text) => js.main.includes(text))
        expect(
          inMain.length === 0,
          `${inMain.length} of ${texts.length} in the main package, e.g. ${inMain.slice(0, 3).join(' / ')}`,
        )
        const inSub = texts.filter((text) => subJs.includes(text))
        expect(
          inSub.length === texts.length,
          `${texts.length - inSub.length} of ${texts.length} in neither package: ${texts.filter((text) => !subJs.includes(text)).join(' / ')}`,
        )
        const goodsInMain = Object.values(goodsMessages['zh-CN']).filter((text) =>
          js.main.includes(text),
        ).length
        expect(goodsInMain > 0, 'the goods text is not in the main package')
        return `${texts.length} checkout and membership texts in the subpackage only; ${goodsInMain} goods texts in the main package`
      },
    )
    check(`${platform}: designWidth — TradeKit 28px → 56rpx, app 28px → 28rpx`, () => {
      expect(libraryProbe, 'no 28px declaration in packages/taro/dist/*.css to probe')
      expect(appProbe, 'no 28px declaration in src/app.css to probe')
      const css = builtStyles(dist, style)
      const library = rulesOf(css, libraryProbe.selector)
      expect(library.length > 0, `${libraryProbe.selector} is not in the built .${style}`)
      expect(
        library.some((body) => body.includes(`${libraryProbe.property}:56rpx`)),
        `${libraryProbe.selector} { ${libraryProbe.property} } is not 56rpx: ${library.join(' | ')}`,
      )
      const app = rulesOf(css, appProbe.selector)
      expect(
        app.some((body) => body.includes(`${appProbe.property}:28rpx`)),
        `${appProbe.selector} { ${appProbe.property} } is not 28rpx: ${app.join(' | ')}`,
      )
      return `${libraryProbe.selector} ${libraryProbe.property}, ${appProbe.selector} ${appProbe.property}`
    })
  }

  const merchant = await startMerchant()
  const setDataResults = []
  try {
    // by default every platform pays through the sandbox cashier
    for (const [platform, { template }] of Object.entries(PLATFORMS)) {
      await runtimeChecks(platform, template, merchant, {
        dist: path.join(appDir, 'dist', platform),
        cashier: '模拟收银台',
        otherCashiers: ['抖音支付', '微信支付', '支付宝'],
        routes,
      })
      if (SETDATA_PLATFORMS.includes(platform)) await setDataChecks(platform, merchant, setDataResults)
    }
    // TRADEKIT_REAL_CASHIER=1: the platform's own cashier, chosen by detectChannel
    await runtimeChecks('tt', 'ttml', merchant, {
      dist: path.join(appDir, REAL_CASHIER_DIST),
      label: 'tt (TRADEKIT_REAL_CASHIER=1)',
      cashier: '抖音支付',
      otherCashiers: ['模拟收银台', '微信支付', '支付宝'],
      routes,
    })
    // virtual goods on iOS: the sandbox sells them; Douyin's cashier routes them to customer service
    await iosVirtualGoods(path.join(appDir, 'dist/tt'), 'ttml', 'tt', merchant, 'tt', '立即开通')
    await iosVirtualGoods(
      path.join(appDir, REAL_CASHIER_DIST),
      'ttml',
      'tt',
      merchant,
      'tt (TRADEKIT_REAL_CASHIER=1)',
      '联系客服购买',
    )
    await runtimeChecks('weapp', 'wxml', merchant, {
      dist: path.join(appDir, REAL_CASHIER_WEAPP_DIST),
      label: 'weapp (TRADEKIT_REAL_CASHIER=1)',
      cashier: '微信支付',
      otherCashiers: ['模拟收银台', '抖音支付', '支付宝'],
      routes,
    })
    await iosVirtualGoods(
      path.join(appDir, REAL_CASHIER_WEAPP_DIST),
      'wxml',
      'wx',
      merchant,
      'weapp (TRADEKIT_REAL_CASHIER=1)',
      null,
    )
  } finally {
    await merchant.stop()
  }
  await alipayRealCashier(routes)

  const tt = path.join(appDir, 'dist/tt')
  for (const root of ['', ...config.subPackages.map((subPackage) => subPackage.root)]) {
    const size = {
      js: bytesOf(tt, ['js'], config.subPackages, root),
      ttss: bytesOf(tt, ['ttss'], config.subPackages, root),
      ttml: bytesOf(tt, ['ttml'], config.subPackages, root),
    }
    const total = size.js + size.ttss + size.ttml
    console.log(
      `${root ? `tt subpackage ${root}/` : '\ntt main package'}: ${total} bytes (${(total / 1024).toFixed(1)} KiB) = JS ${size.js} + TTSS ${size.ttss} + TTML ${size.ttml}`,
    )
  }
  for (const [platform, { template }] of Object.entries(PLATFORMS)) {
    const base = readFileSync(path.join(appDir, 'dist', platform, `base.${template}`), 'utf8')
    const aria = new Set(base.match(/aria-[a-z]+/g) ?? [])
    console.log(
      `${platform}: aria attributes in base.${template}: ${aria.size ? [...aria].join(', ') : 'none'}`,
    )
  }
  if (setDataResults.length > 0) console.log(`\nsetData per interaction:\n${setDataTable(setDataResults)}`)
  console.log(`\n${passed} passed, ${failed} failed`)
  // the pages run in this process keep their timers (an unpaid order's countdown ticks every
  // second): exit, or the process never ends
  process.exit(failed > 0 ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  console.log(`\n${passed} passed, ${failed + 1} failed`)
  process.exit(1)
})
