// End-to-end tests of the mini-shop's H5 build in headless Chromium, against the merchant server.
//
//   pnpm --filter mini-shop test:e2e
//
// Builds the TradeKit packages (skip with SKIP_LIB_BUILD=1) and the H5 app (skip with
// SKIP_APP_BUILD=1), starts the merchant server with a throwaway PGlite database and a web server
// for the build on 127.0.0.1, runs each scenario in a fresh browser context with its own time
// limit (a scenario may open a second one, another device of the same sandbox user), stops
// everything and prints "N passed, N failed".
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { appDir, buildLibraries, buildMerchant, run, startMerchant, startWebServer } from './lib/servers.mjs'

// Both longer on a busy machine: E2E_SCENARIO_TIMEOUT_MS, E2E_STEP_TIMEOUT_MS.
const SCENARIO_TIMEOUT_MS = Number(process.env.E2E_SCENARIO_TIMEOUT_MS ?? 90_000)
const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 20_000)
// The merchant server's admin token and session secret for this run (made now, never stored).
const ADMIN_TOKEN = randomBytes(24).toString('hex')
const MERCHANT_ENV = { MERCHANT_ADMIN_TOKEN: ADMIN_TOKEN, SESSION_SECRET: randomBytes(32).toString('hex') }
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const TEA = '明前龙井礼盒'
const MUG = '手作陶瓷马克杯'
const CONSULT = '30 分钟法律咨询'
const EBOOK = '电子书：小程序交易指南'
const STICKERS = '表情包'
const TEE = '纯棉短袖T恤'

/** Where the scenarios' parcels go (the server refuses a parcel without an address). */
const ADDRESS = {
  name: '韩梅梅',
  phone: '13912345678',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '文三路 90 号 3 幢',
}

/**
 * The scenario's user: the sandbox login code seeded into the app's storage before it starts, so
 * the app and these calls are the same user (each scenario a user of its own).
 */
let userCode = ''
const sessions = new Map()

/** The scenario user's session token at a merchant server (its sandbox login). */
async function tokenFor(base) {
  const key = `${base} ${userCode}`
  if (!sessions.has(key)) {
    const response = await fetch(new URL('/session', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'sandbox', code: userCode }),
    })
    if (!response.ok) throw new Error(`sandbox login answered ${response.status}: ${await response.text()}`)
    sessions.set(key, (await response.json()).token)
  }
  return sessions.get(key)
}

/** A JSON call to a merchant server, as the scenario's user (as the admin on /admin/*). */
async function call(base, method, route, body) {
  const token = route.startsWith('/admin') ? ADMIN_TOKEN : await tokenFor(base)
  const response = await fetch(new URL(route, base), {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  const data = text ? JSON.parse(text) : undefined
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`)
  return data
}

/** Core's formatMoney, loaded once the libraries are built (see main). */
let formatMoney
/** The text the app shows for a Money: core's `formatMoney`, integer minor units throughout. */
const yuan = (money) => formatMoney(money)

/** Emulates the app going to the background and coming back (what Taro's onAppHide/onAppShow hear). */
async function setVisibility(page, state) {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }, state)
}

/** The server's quote for lines, as the scenario's user (member prices included once a member). */
const serverQuote = (base, lines, extra = {}) =>
  call(base, 'POST', '/quote', { lines, ...extra, expectedPayable: { amount: 0, currency: 'CNY' } })

async function openCheckoutFromCatalog(page, web, title, action) {
  await page.goto(`${web.url}/#/pages/index/index`)
  await page.getByRole('button', { name: `${action}：${title}` }).click()
  await page.getByRole('radiogroup', { name: '模拟收银台' }).waitFor()
}

/** The server has the order paid, for the amount the user agreed to. */
async function assertPaid(base, orderId, payable) {
  const order = await call(base, 'GET', `/orders/${orderId}`)
  assert.equal(order.status, 'paid')
  assert.deepEqual(order.amount, payable)
}

/**
 * Adds the shipping address on the checkout: on H5 there is no platform picker, so TradeKit's
 * AddressCard turns into its form ("请手动填写收货地址"); once saved, the card names the address.
 */
async function enterAddress(page, address = ADDRESS) {
  await page.getByRole('button', { name: '添加收货地址' }).click()
  const form = page.getByRole('group', { name: '填写收货地址' })
  await form.getByText('请手动填写收货地址').waitFor()
  await form.getByLabel('收货人', { exact: true }).fill(address.name)
  await form.getByLabel('手机号', { exact: true }).fill(address.phone)
  await form.getByLabel('省份', { exact: true }).fill(address.region.province)
  await form.getByLabel('城市', { exact: true }).fill(address.region.city)
  await form.getByLabel('区县', { exact: true }).fill(address.region.district)
  await form.getByLabel('详细地址', { exact: true }).fill(address.detail)
  await form.getByRole('button', { name: '保存地址' }).click()
  await page.getByRole('button', { name: new RegExp(`^收货地址：${address.name}，`) }).waitFor()
}

/** The checkout's submit button (TradeKit's CheckoutBar: "提交订单，应付 …"). */
/**
 * Waits until the page shows the merchant server's product picture `file` (static/products/): an
 * image loaded from it through the page's /api, not the placeholder of a missing or broken one.
 */
async function pictureShown(page, file) {
  await page.waitForFunction(
    (path) =>
      [...document.images].some((img) => img.src.endsWith(path) && img.complete && img.naturalWidth > 0),
    `/api/static/products/${file}`,
  )
}

const submitButton = (page) => page.getByRole('button', { name: /^提交订单，/ })

/** Waits for the result page and returns the order id it shows. */
async function paidOrderId(page) {
  await page.locator('#order-status').getByText('支付成功').waitFor()
  return (await page.locator('#order-id').textContent()).trim()
}

/** The order id the checkout shows while it is not paid ("订单号 …"). */
async function shownOrderId(page) {
  const text = await page.getByText(/^订单号 /).textContent()
  return text.replace('订单号', '').trim()
}

/** An unpaid order the scenario's user places through the API (no app, no cashier). */
async function placeUnpaid(base, lines) {
  const quote = await serverQuote(base, lines)
  const response = await fetch(new URL('/orders', base), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor(base)}`,
      'Idempotency-Key': `e2e-${randomBytes(8).toString('hex')}`,
    },
    body: JSON.stringify({ lines, expectedPayable: quote.payable }),
  })
  assert.equal(response.status, 201)
  return { orderId: (await response.json()).orderId, quote }
}

/** How many cashier orders the sandbox made for an order (its first payment makes one). */
const cashierOrders = async (base, orderId) =>
  (await call(base, 'GET', `/sandbox/cashier-orders?orderId=${orderId}`)).count

/**
 * A finger pulling the page down from `fromY` by `distance` CSS px, through Chromium's touch input
 * (CDP `Input.dispatchTouchEvent`), as on a phone.
 */
async function pullDown(page, { x = 187, fromY = 200, distance = 300 } = {}) {
  const cdp = await page.context().newCDPSession(page)
  try {
    const touch = (type, y) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] })
    await touch('touchStart', fromY)
    for (let y = fromY + 10; y <= fromY + distance; y += 10) await touch('touchMove', y)
    await touch('touchEnd')
  } finally {
    await cdp.detach()
  }
}

const scenarios = [
  {
    name: 'buy goods: catalog → cart → checkout → paid',
    async run({ page, web, merchant }) {
      await page.goto(`${web.url}/#/pages/index/index`)
      // the catalogue's pictures are the merchant server's, loaded through /api
      await pictureShown(page, 'tea-gift-box.png')
      await pictureShown(page, 'mug.png')
      await pictureShown(page, 'tee-white.png') // the T-shirt's card: its first SKU's picture
      await page.getByRole('button', { name: `加入购物车：${TEA}` }).click()
      await page.getByRole('button', { name: `加入购物车：${MUG}` }).click()
      await page.getByRole('button', { name: '购物车 2 件' }).click()
      // the cart lists both lines, selected, and checks out the selection
      const cart = page.getByRole('list', { name: '购物车商品' })
      await cart.getByRole('group', { name: TEA }).waitFor()
      await cart.getByRole('group', { name: MUG }).waitFor()
      await pictureShown(page, 'mug.png')
      // the cart is in Taro storage: a reload (a relaunch on H5) keeps it
      await page.reload()
      await cart.getByRole('group', { name: TEA }).waitFor()
      await cart.getByRole('group', { name: MUG }).waitFor()
      // designWidth: TradeKit's 44px stepper button (a 375 design, a 44 px touch target) is 44 CSS px
      // on a 375-wide screen, the app's 24px (a 750 design) is 12
      const sizes = await page.evaluate(() => ({
        stepper: getComputedStyle(document.querySelector('.tk-stepper__button')).height,
        page: getComputedStyle(document.querySelector('.shop-page')).paddingTop,
      }))
      assert.deepEqual(sizes, { stepper: '44px', page: '12px' })
      await page.getByRole('button', { name: '去结算（2）' }).click()
      // parcels: no order without a shipping address (the submit bar says why it is disabled)
      await page.getByText('请先添加收货地址').waitFor()
      assert.equal(await submitButton(page).getAttribute('aria-disabled'), 'true')
      await enterAddress(page)
      // TradeKit's CheckoutPage prices the selection with the shop's coupon (best one preselected)
      const quote = await serverQuote(
        merchant.url,
        [
          { skuId: 'tea-gift-box', quantity: 1 },
          { skuId: 'ceramic-mug', quantity: 1 },
        ],
        { coupon: 'FULL100MINUS20', address: ADDRESS },
      )
      assert.ok(quote.discount.amount > 0, 'the coupon applies')
      await page.getByText(yuan(quote.payable), { exact: true }).first().waitFor()
      await submitButton(page).click()
      const orderId = await paidOrderId(page)
      const order = await call(merchant.url, 'GET', `/orders/${orderId}`)
      assert.equal(order.status, 'paid')
      assert.deepEqual(order.amount, quote.payable)
      assert.deepEqual(order.request.lines.map((line) => [line.skuId, line.quantity]).sort(), [
        ['ceramic-mug', 1],
        ['tea-gift-box', 1],
      ])
      assert.equal(order.request.address.detail, ADDRESS.detail)
      await page.locator('#order-amount').getByText(yuan(quote.payable)).waitFor()
      // what was bought left the cart (stored: a reload shows the same)
      await page.goto(`${web.url}/#/pages/cart/index`)
      await page.reload()
      await page.getByText('购物车是空的').waitFor()
    },
  },
  {
    name: 'buy a consultation with the contact form',
    async run({ page, web, merchant }) {
      await openCheckoutFromCatalog(page, web, CONSULT, '立即预约')
      // no phone: the bar says what is missing; a tap on its held button shows the field's error
      // (a user's tap reaches a held button: `force` skips Playwright's wait for it to be enabled)
      await page.getByText('请先填写联系人信息').waitFor()
      await submitButton(page).click({ force: true })
      await page.getByText('请填写手机号').waitFor()
      assert.equal(await page.getByText(/^订单号 /).count(), 0)
      await page.getByLabel('姓名').fill('王女士')
      await page.getByLabel('手机号').fill('13800000000')
      await page.getByLabel('咨询事项').fill('租房合同押金')
      const quote = await serverQuote(merchant.url, [{ skuId: 'legal-consult-30', quantity: 1 }], {
        contact: { phone: '13800000000' },
      })
      await submitButton(page).click()
      const orderId = await paidOrderId(page)
      const order = await call(merchant.url, 'GET', `/orders/${orderId}`)
      assert.equal(order.status, 'paid')
      assert.deepEqual(order.amount, quote.payable)
      assert.deepEqual(order.request.contact, { name: '王女士', phone: '13800000000', note: '租房合同押金' })
    },
  },
  {
    name: 'price changed between cart and pay: the user sees the new total and accepts',
    async run({ page, web, merchant }) {
      const before = await call(merchant.url, 'GET', '/catalogue/tea-gift-box')
      try {
        await page.goto(`${web.url}/#/pages/index/index`)
        await page.getByRole('button', { name: `加入购物车：${TEA}` }).click()
        await page.getByRole('button', { name: '购物车 1 件' }).click()
        await page.getByRole('button', { name: '去结算（1）' }).click()
        await enterAddress(page)
        const lines = [{ skuId: 'tea-gift-box', quantity: 1 }]
        const agreed = await serverQuote(merchant.url, lines, { coupon: 'FULL100MINUS20', address: ADDRESS })
        await page.getByText(yuan(agreed.payable), { exact: true }).first().waitFor()
        // the merchant raises the price while the user looks at the total
        await call(merchant.url, 'PATCH', '/admin/skus/tea-gift-box', { price: before.price.amount + 1000 })
        const moved = await serverQuote(merchant.url, lines, { coupon: 'FULL100MINUS20', address: ADDRESS })
        assert.notDeepEqual(moved.payable, agreed.payable)
        await submitButton(page).click()
        // the notice shows the total the user agreed to and the server's new one; no cashier opened
        const notice = page.getByRole('group', { name: '价格有变动' })
        await notice.getByText(yuan(agreed.payable), { exact: true }).waitFor()
        await notice.getByText(yuan(moved.payable), { exact: true }).waitFor()
        assert.equal(await page.locator('#order-status').count(), 0)
        await notice.getByRole('button', { name: '接受新价格并支付' }).click()
        const orderId = await paidOrderId(page)
        const order = await call(merchant.url, 'GET', `/orders/${orderId}`)
        assert.equal(order.status, 'paid')
        assert.deepEqual(order.amount, moved.payable)
      } finally {
        await call(merchant.url, 'PATCH', '/admin/skus/tea-gift-box', { price: before.price.amount })
      }
    },
  },
  {
    name: 'cashier says cancel but the server got paid: shows paid',
    async run({ page, web, merchant }) {
      await openCheckoutFromCatalog(page, web, EBOOK, '立即开通')
      await page.getByRole('radio', { name: '显示取消，实际已付款' }).click()
      const quote = await serverQuote(merchant.url, [{ skuId: 'ebook-trading-guide', quantity: 1 }])
      await submitButton(page).click()
      await assertPaid(merchant.url, await paidOrderId(page), quote.payable)
    },
  },
  {
    name: 'payment result unknown → page hidden and shown → paid',
    settings: { confirmBudgetMs: 3000 },
    async run({ page, web, merchant }) {
      await openCheckoutFromCatalog(page, web, STICKERS, '立即开通')
      await page.getByRole('radio', { name: '结果未知' }).click()
      const quote = await serverQuote(merchant.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      await submitButton(page).click()
      // the confirmation budget runs out with the server still saying pending
      await page.getByText('我们正在确认支付结果，你可以离开此页面，结果出来后会通知你').waitFor()
      const orderId = await shownOrderId(page)
      assert.equal((await call(merchant.url, 'GET', `/orders/${orderId}`)).status, 'pending')
      // the user leaves; the cashier completes the payment meanwhile (its signed notification reaches
      // the server); the user comes back
      await setVisibility(page, 'hidden')
      const notified = await call(merchant.url, 'POST', '/sandbox/pay', { orderId })
      assert.equal(notified.status, 'paid')
      await setVisibility(page, 'visible')
      assert.equal(await paidOrderId(page), orderId)
      await assertPaid(merchant.url, orderId, quote.payable)
    },
  },
  {
    name: 'a forged payment notification is refused: the order stays unpaid',
    settings: { confirmBudgetMs: 3000 },
    async run({ page, web, merchant }) {
      await openCheckoutFromCatalog(page, web, STICKERS, '立即开通')
      await page.getByRole('radio', { name: '结果未知' }).click()
      await submitButton(page).click()
      await page.getByText('我们正在确认支付结果，你可以离开此页面，结果出来后会通知你').waitFor()
      const orderId = await shownOrderId(page)
      // anyone can post "paid" for this order — anonymously or with the user's own session; without
      // the sandbox cashier's signature the server refuses it and changes nothing
      for (const headers of [{}, { authorization: `Bearer ${await tokenFor(merchant.url)}` }]) {
        const forged = await fetch(new URL('/sandbox/notify', merchant.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ orderId, outcome: 'paid' }),
        })
        assert.equal(forged.status, 401)
      }
      assert.equal((await call(merchant.url, 'GET', `/orders/${orderId}`)).status, 'pending')
      // shown again, the app asks the server and still does not say paid
      await setVisibility(page, 'hidden')
      await setVisibility(page, 'visible')
      await page.waitForResponse((response) => response.url().includes(`/api/orders/${orderId}`))
      assert.equal(await page.locator('#order-status').count(), 0)
    },
  },
  {
    name: 'unlock a membership and read the paywalled article',
    async run({ page, web, merchant }) {
      const before = await call(merchant.url, 'GET', '/membership/entitlement')
      assert.equal(before.active, false)
      await page.goto(`${web.url}/#/packageTrade/pages/article/index`)
      await page.getByRole('button', { name: '开通会员解锁' }).click()
      assert.equal(await page.locator('#article-full').count(), 0)
      const sheet = page.getByRole('region', { name: '开通会员' })
      await sheet.getByRole('radio', { name: /月度会员/ }).click()
      await sheet.getByRole('button', { name: /^立即开通/ }).click()
      await page
        .locator('#article-full')
        .getByText(/服务端的订单状态才是事实/)
        .waitFor()
      const after = await call(merchant.url, 'GET', '/membership/entitlement')
      assert.equal(after.active, true)
      assert.equal(after.planId, 'plan-monthly')
      // the entitlement is the server's: a reload still shows the article
      await page.reload()
      await page.locator('#article-full').waitFor()
    },
  },
  {
    name: 'app killed while confirming → relaunched → the payment is resumed and shown paid',
    async run({ page, web, merchant, newPage }) {
      await openCheckoutFromCatalog(page, web, STICKERS, '立即开通')
      await page.getByRole('radio', { name: '结果未知' }).click()
      const quote = await serverQuote(merchant.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      await submitButton(page).click()
      await page.getByText(/^正在确认支付结果/).waitFor()
      const orderId = await shownOrderId(page)
      // the app is killed while it confirms; the cashier completes the payment (signed notification)
      await page.close()
      await call(merchant.url, 'POST', '/sandbox/pay', { orderId })
      // the next launch resumes the stored pending order and asks the server
      const relaunched = await newPage()
      await relaunched.goto(`${web.url}/#/pages/index/index`)
      await relaunched.getByText(`你上次的支付已成功（${yuan(quote.payable)}）`).waitFor()
      await relaunched.getByRole('button', { name: '查看订单' }).click()
      assert.equal(await paidOrderId(relaunched), orderId)
      await assertPaid(merchant.url, orderId, quote.payable)
    },
  },
  {
    name: 'server restarted during confirming → paid',
    async run({ page, web, restartable }) {
      const server = await restartable.start()
      await openCheckoutFromCatalog(page, web, STICKERS, '立即开通')
      // the cashier cannot say; the platform's notification has not reached the server yet
      await page.getByRole('radio', { name: '结果未知' }).click()
      const quote = await serverQuote(server.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      await submitButton(page).click()
      await page.getByText(/^正在确认支付结果/).waitFor()
      const orderId = await shownOrderId(page)
      await restartable.stop()
      // while it is down, the checkout keeps confirming (each poll fails on the network)
      await page.waitForResponse((response) => response.url().includes(`/api/orders/${orderId}`))
      assert.equal(await page.locator('#order-status').count(), 0)
      const again = await restartable.start()
      assert.equal((await call(again.url, 'GET', `/orders/${orderId}`)).status, 'pending')
      // the cashier completes the payment after the restart (its notification is signed again)
      await call(again.url, 'POST', '/sandbox/pay', { orderId })
      assert.equal(await paidOrderId(page), orderId)
      await assertPaid(again.url, orderId, quote.payable)
    },
  },
  {
    name: 'my orders: pay → my orders → detail → refund → the merchant approves → refunded',
    async run({ page, web, merchant }) {
      const stock = (await call(merchant.url, 'GET', '/catalogue/tea-gift-box')).stock
      await openCheckoutFromCatalog(page, web, TEA, '立即购买')
      await enterAddress(page)
      await submitButton(page).click()
      const orderId = await paidOrderId(page)
      // what was paid, as the server says (with or without the shop's coupon)
      const quote = { payable: (await call(merchant.url, 'GET', `/orders/${orderId}`)).amount }
      // 我的订单 from the catalogue: the paid parcel waits to be shipped
      await page.goto(`${web.url}/#/pages/index/index`)
      await page.getByRole('button', { name: '我的订单' }).click()
      await page.getByRole('tab', { name: /待发货/ }).click()
      const card = page.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.getByRole('button', { name: /查看详情/ }).click()
      // (我的订单 stays below in the page stack: ask the detail page itself)
      const detail = page.getByRole('region', { name: '订单详情' })
      const status = (name) => detail.getByRole('region', { name }).waitFor()
      await detail.getByText(orderId).first().waitFor()
      await status('待发货')
      await detail.getByRole('list', { name: '金额明细' }).getByText(yuan(quote.payable)).first().waitFor()
      // the refund (TradeKit's RefundSheet): all that is left of the line, a reason and a note
      await detail.getByRole('button', { name: /申请退款/ }).click()
      const form = detail.getByRole('form', { name: '申请退款' })
      await form.getByRole('button', { name: '提交申请' }).click()
      await form.getByText('请选择退款原因').waitFor()
      await form.getByRole('radio', { name: '质量问题' }).click()
      await form.getByLabel('补充说明').fill('盒子压坏了')
      await form.getByRole('button', { name: '提交申请' }).click()
      await status('退款申请中')
      const asked = await call(merchant.url, 'GET', `/admin/orders/${orderId}`)
      assert.equal(asked.status, 'refund_requested')
      assert.deepEqual(asked.refunds[0].amount, quote.payable)
      assert.equal(asked.refunds[0].note, '盒子压坏了')
      // the merchant approves through its endpoint; the sandbox moves the money; the page follows
      await call(
        merchant.url,
        'POST',
        `/admin/orders/${orderId}/refunds/${asked.refunds[0].refundId}/approve`,
      )
      await status('已退款')
      const refunded = detail
        .getByRole('list', { name: '金额明细' })
        .getByRole('listitem')
        .filter({ hasText: '已退款' })
      await refunded.getByText(yuan(quote.payable)).waitFor()
      assert.equal((await call(merchant.url, 'GET', `/orders/${orderId}`)).status, 'refunded')
      assert.equal((await call(merchant.url, 'GET', '/catalogue/tea-gift-box')).stock, stock)
    },
  },
  {
    name: 'an unpaid order: continue to pay from my orders with the countdown → paid, one platform order',
    async run({ page, web, merchant }) {
      const { orderId, quote } = await placeUnpaid(merchant.url, [{ skuId: 'sticker-pack', quantity: 2 }])
      // what the app asks of the merchant server from here on
      const sent = []
      page.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).pathname}`))
      await page.goto(`${web.url}/#/packageOrders/pages/list/index?tab=pending_payment`)
      const card = page.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.getByText(/剩余/).first().waitFor()
      await card.getByRole('button', { name: /继续支付/ }).click()
      assert.equal(await paidOrderId(page), orderId)
      await assertPaid(merchant.url, orderId, quote.payable)
      // the same order, paid once: one cashier order and one cashier payment, no new order
      assert.equal(sent.filter((line) => line === 'POST /api/sandbox/pay').length, 1)
      assert.equal(sent.filter((line) => line === 'POST /api/orders').length, 0)
      assert.equal(await cashierOrders(merchant.url, orderId), 1)
      const pending = await call(merchant.url, 'GET', '/orders?tab=pending_payment')
      assert.deepEqual(pending.orders, [])
    },
  },
  {
    name: 'continue to pay from my orders and the cashier fails → the order page says why, the order stays unpaid',
    async run({ page, web, merchant }) {
      const { orderId } = await placeUnpaid(merchant.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      await page.goto(`${web.url}/#/packageOrders/pages/list/index?tab=pending_payment`)
      // the sandbox cashier will fail (its setting, as Taro's H5 storage keeps it)
      await page.evaluate(() =>
        localStorage.setItem(
          'mini-shop:sandbox',
          JSON.stringify({ data: JSON.stringify({ behaviour: 'fail' }) }),
        ),
      )
      const card = page.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.getByRole('button', { name: /继续支付/ }).click()
      // the list opens the order's page, where a line under the status says why
      const status = page.getByRole('region', { name: '订单详情' }).getByRole('region', { name: '待支付' })
      await status.getByRole('status').getByText('支付未完成，可以再试一次').waitFor()
      await status.getByRole('timer').waitFor()
      assert.equal((await call(merchant.url, 'GET', `/orders/${orderId}`)).status, 'pending')
    },
  },
  {
    name: 'another device: cancelled at the cashier → continue to pay on a device without the pending order → paid, one cashier order',
    async run({ page, web, merchant, newDevice }) {
      await openCheckoutFromCatalog(page, web, STICKERS, '立即开通')
      await page.getByRole('radio', { name: '用户取消' }).click()
      const quote = await serverQuote(merchant.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      // the sandbox cashier's first step makes its cashier order and saves it: the checkout sends
      // that state to the server beside the cashier
      const kept = page.waitForResponse(
        (response) => response.request().method() === 'PUT' && response.url().includes('/channel-state'),
      )
      await submitButton(page).click()
      assert.equal((await kept).status(), 204)
      await page.getByText('支付已取消').first().waitFor()
      const orderId = await shownOrderId(page)
      assert.equal(await cashierOrders(merchant.url, orderId), 1)
      // the server keeps the state with the unpaid order and sends it back in the detail and the list
      const detail = await call(merchant.url, 'GET', `/orders/${orderId}/detail`)
      assert.equal(detail.status, 'pending_payment')
      assert.match(detail.channelState?.cashierOrderId ?? '', /^csh_[0-9a-f]{32}$/)
      const unpaid = await call(merchant.url, 'GET', '/orders?tab=pending_payment')
      assert.deepEqual(
        unpaid.orders.map((order) => [order.orderId, order.channelState]),
        [[orderId, detail.channelState]],
      )

      // another device of the same user: a second browser context (its own storage) signed in with
      // the same sandbox login — it has no pending order of its own
      const other = await newDevice()
      const sent = []
      other.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).pathname}`))
      // what the app is answered, read on its way to the app (a response's body is gone once the
      // page navigates, as Taro's H5 router does while the page opens)
      let page1
      await other.route(
        (url) => url.pathname.endsWith('/api/orders') && url.searchParams.get('tab') === 'pending_payment',
        async (route) => {
          const response = await route.fetch()
          page1 ??= await response.json()
          await route.fulfill({ response })
        },
      )
      await other.goto(`${web.url}/#/packageOrders/pages/list/index?tab=pending_payment`)
      const stored = await other.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.endsWith(':checkout')),
      )
      assert.deepEqual(stored, [], 'the other device starts without a pending order')
      // what the app read carries the state it will hand to the cashier
      const card = other.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.waitFor()
      assert.ok(page1, 'the other device read its unpaid orders')
      assert.deepEqual(
        page1.orders.find((order) => order.orderId === orderId)?.channelState,
        detail.channelState,
      )
      await card.getByRole('button', { name: /继续支付/ }).click()
      assert.equal(await paidOrderId(other), orderId)
      await assertPaid(merchant.url, orderId, quote.payable)
      // the cashier reused its order: none made on the other device, one payment, no new order
      assert.equal(await cashierOrders(merchant.url, orderId), 1)
      assert.equal(sent.filter((line) => line === 'POST /api/sandbox/cashier-orders').length, 0)
      assert.equal(sent.filter((line) => line === 'POST /api/sandbox/pay').length, 1)
      assert.equal(sent.filter((line) => line === 'POST /api/orders').length, 0)
      // paid: the server no longer sends the state
      assert.equal((await call(merchant.url, 'GET', `/orders/${orderId}/detail`)).channelState, undefined)
    },
  },
  {
    name: 'pull to refresh on H5: the server pays an unpaid order → a pull on 我的订单 shows it paid',
    context: { hasTouch: true },
    async run({ page, web, merchant }) {
      const { orderId } = await placeUnpaid(merchant.url, [{ skuId: 'sticker-pack', quantity: 1 }])
      await page.goto(`${web.url}/#/packageOrders/pages/list/index?tab=all`)
      const card = page.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.getByRole('button', { name: /继续支付/ }).waitFor()
      // the money moves elsewhere (the cashier's signed notification reaches the server)
      assert.equal((await call(merchant.url, 'POST', '/sandbox/pay', { orderId })).status, 'paid')
      // the list still shows what it read
      assert.equal(await card.getByRole('button', { name: /继续支付/ }).count(), 1)
      const reloaded = page.waitForResponse((response) => response.url().includes('/api/orders?tab=all'))
      await pullDown(page)
      await reloaded
      await card.getByText('待使用').waitFor()
      assert.equal(await card.getByRole('button', { name: /继续支付/ }).count(), 0)
      // the refresh is over: Taro's indicator is gone
      await page.locator('.rmc-pull-to-refresh-indicator').waitFor({ state: 'detached' })
    },
  },
  {
    name: 'an expired order: buy again → the cart',
    async run({ page, web, restartable }) {
      // a server whose unpaid orders close after 3 s
      const server = await restartable.start({ ORDER_TTL_MS: '3000' })
      const lines = [{ skuId: 'tea-gift-box', quantity: 1 }]
      const quote = await serverQuote(server.url, lines, { address: ADDRESS })
      const response = await fetch(new URL('/orders', server.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(server.url)}`,
          'Idempotency-Key': `e2e-${randomBytes(8).toString('hex')}`,
        },
        body: JSON.stringify({ lines, address: ADDRESS, expectedPayable: quote.payable }),
      })
      assert.equal(response.status, 201)
      const { orderId } = await response.json()
      await new Promise((resolve) => setTimeout(resolve, 3500))
      await page.goto(`${web.url}/#/packageOrders/pages/list/index`)
      const card = page.getByRole('group', { name: new RegExp(`订单 ${orderId}`) })
      await card.getByText('已关闭').first().waitFor()
      assert.equal(await card.getByRole('button', { name: /继续支付/ }).count(), 0)
      // offline first: the products cannot be read, and the page says so — not that they are gone
      const catalogue = (url) => url.pathname.includes('/catalogue/')
      await page.route(catalogue, (route) => route.abort('internetdisconnected'))
      await card.getByRole('button', { name: /再次购买/ }).click()
      await page.getByText('暂时无法获取商品信息，请重试').waitFor()
      assert.equal(await page.getByText(/无法再次购买|已不再销售/).count(), 0)
      await page.getByText('确定', { exact: true }).click()
      await page.unroute(catalogue)
      // the pill takes a second tap only 800 ms after the first (NAVIGATION_SETTLE_MS: a double tap)
      await page.waitForTimeout(800)
      await card.getByRole('button', { name: /再次购买/ }).click()
      const cart = page.getByRole('list', { name: '购物车商品' })
      await cart.getByRole('group', { name: TEA }).waitFor()
      assert.equal((await call(server.url, 'GET', `/orders/${orderId}/detail`)).status, 'closed')
    },
  },
  {
    name: 'a service: the verification code is shown → the merchant verifies it → completed',
    async run({ page, web, merchant }) {
      const lines = [{ skuId: 'legal-consult-30', quantity: 1 }]
      const contact = { phone: '13800000000' }
      const quote = await serverQuote(merchant.url, lines, { contact })
      const response = await fetch(new URL('/orders', merchant.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(merchant.url)}`,
          'Idempotency-Key': `e2e-${randomBytes(8).toString('hex')}`,
        },
        body: JSON.stringify({ lines, contact, expectedPayable: quote.payable }),
      })
      const { orderId } = await response.json()
      assert.equal((await call(merchant.url, 'POST', '/sandbox/pay', { orderId })).status, 'paid')
      // Douyin's order entry opens this path with the order's id (orderEntrySchema)
      await page.goto(`${web.url}/#/packageOrders/pages/detail/index?id=${orderId}`)
      const detail = page.getByRole('region', { name: '订单详情' })
      await detail.getByRole('region', { name: '待使用' }).waitFor()
      const { verification } = await call(merchant.url, 'GET', `/orders/${orderId}/detail`)
      await detail.getByRole('region', { name: '核销码' }).getByText(verification.code).waitFor()
      await call(merchant.url, 'POST', '/admin/verify', { code: verification.code })
      await detail.getByRole('region', { name: '已完成' }).waitFor()
      const timeline = (await call(merchant.url, 'GET', `/orders/${orderId}/detail`)).timeline
      assert.deepEqual(
        timeline.map((step) => step.status),
        ['pending_payment', 'paid', 'to_verify', 'verified', 'completed'],
      )
    },
  },
  {
    name: 'a T-shirt with specs: black XL sold out → black L → cart → checkout with an address → paid → the detail shows the address',
    async run({ page, web, merchant }) {
      // the server refuses a parcel without a shipping address (the app never sends one)
      const refused = await fetch(new URL('/orders', merchant.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(merchant.url)}`,
          'Idempotency-Key': `e2e-${randomBytes(8).toString('hex')}`,
        },
        body: JSON.stringify({
          lines: [{ skuId: 'tee-black-l', quantity: 1 }],
          expectedPayable: { amount: 7700, currency: 'CNY' },
        }),
      })
      assert.equal(refused.status, 400)
      assert.equal((await refused.json()).error.reason, 'address_required')

      // a product that does not exist says so (not "check the network"); offline says the network
      await page.goto(`${web.url}/#/packageGoods/pages/product/index?id=no-such-product`)
      await page.getByText('商品不存在').waitFor()
      assert.equal(await page.getByText('请检查网络后重试').count(), 0)
      const products = (url) => url.pathname.includes('/products/')
      await page.route(products, (route) => route.abort('internetdisconnected'))
      await page.goto(`${web.url}/#/packageGoods/pages/product/index?id=cotton-tee`)
      await page.getByText('请检查网络后重试').waitFor()
      await page.unroute(products)
      await page.getByRole('button', { name: '重试' }).click()
      await page.getByRole('region', { name: '商品图片' }).waitFor()
      await pictureShown(page, 'tee-white.png')

      // the catalogue's T-shirt card opens its product page
      await page.goto(`${web.url}/#/pages/index/index`)
      await page.getByRole('button', { name: `加入购物车：${TEE}` }).click()
      await page.getByRole('region', { name: '商品图片' }).waitFor()
      await page.getByRole('button', { name: '请选择 颜色 尺码' }).click()
      const sheet = page.getByRole('dialog', { name: '选择规格' })
      const size = sheet.getByRole('radiogroup', { name: '尺码' })
      await sheet.getByRole('radio', { name: '黑' }).click()
      // black XL is sold out (its stock is 0): its value is disabled once black is chosen
      await size.getByRole('radio', { name: 'XL' }).and(page.locator('[aria-disabled="true"]')).waitFor()
      assert.equal(
        await size.getByRole('radio', { name: 'L', exact: true }).getAttribute('aria-disabled'),
        null,
      )
      // white XL is in stock: with white chosen, XL is possible again
      await sheet.getByRole('radio', { name: '白' }).click()
      await size
        .getByRole('radio', { name: 'XL' })
        .and(page.locator(':not([aria-disabled="true"])'))
        .waitFor()
      await sheet.getByRole('radio', { name: '黑' }).click()
      await size.getByRole('radio', { name: 'L', exact: true }).click()
      await sheet.getByRole('button', { name: '加入购物车' }).click()
      await sheet.getByRole('status').getByText('已加入购物车').waitFor()
      await sheet.getByRole('button', { name: '关闭' }).click()
      await page.getByRole('button', { name: '已选 黑 L' }).waitFor()
      await page.getByRole('button', { name: '购物车，1 件商品' }).click()

      // the cart line is the chosen SKU with its spec text
      const line = page.getByRole('list', { name: '购物车商品' }).getByRole('group', { name: TEE })
      await line.getByText(/黑/).first().waitFor()
      await line.getByText(/L/).first().waitFor()
      const stored = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.endsWith(':cart'))
          .map((key) => localStorage.getItem(key))
          .join(''),
      )
      assert.ok(stored.includes('tee-black-l'), `the stored cart holds the SKU: ${stored.slice(0, 200)}`)
      await page.getByRole('button', { name: '去结算（1）' }).click()
      await enterAddress(page)
      const lines = [{ skuId: 'tee-black-l', quantity: 1 }]
      const quote = await serverQuote(merchant.url, lines, { address: ADDRESS })
      await page.getByText(yuan(quote.payable), { exact: true }).first().waitFor()
      await submitButton(page).click()
      const orderId = await paidOrderId(page)
      await assertPaid(merchant.url, orderId, quote.payable)
      const detail = await call(merchant.url, 'GET', `/orders/${orderId}/detail`)
      assert.deepEqual(detail.address, ADDRESS)

      // the order's detail page shows where it goes
      await page.goto(`${web.url}/#/packageOrders/pages/detail/index?id=${orderId}`)
      const shown = page.getByRole('region', { name: '订单详情' }).getByRole('group', { name: '收货地址' })
      await shown.getByText(ADDRESS.detail, { exact: false }).waitFor()
      await shown.getByText(ADDRESS.name, { exact: false }).first().waitFor()
      // the next checkout starts with the address used last (remembered per user)
      await page.goto(`${web.url}/#/packageTrade/pages/checkout/index?sku=tee-white-m`)
      await page.getByRole('button', { name: new RegExp(`^收货地址：${ADDRESS.name}，`) }).waitFor()
    },
  },
  {
    name: 'coupons: claim the T-shirt coupon on its page → 我的优惠券 shows it available → the checkout takes it',
    async run({ page, web, merchant }) {
      await page.goto(`${web.url}/#/packageGoods/pages/product/index?id=cotton-tee`)
      const ticket = page.getByRole('group', { name: 'T恤立减 10 元' })
      await ticket.getByRole('button', { name: '领取T恤立减 10 元' }).click()
      await ticket.getByRole('button', { name: '去使用T恤立减 10 元' }).waitFor()
      const held = await call(merchant.url, 'GET', '/coupons?status=available')
      assert.deepEqual(
        held.coupons.map((entry) => entry.coupon.id),
        ['TEE10', 'FULL100MINUS20'],
      )
      // a second claim of this one-per-user coupon is refused
      const again = await fetch(new URL('/coupons/TEE10/claim', merchant.url), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await tokenFor(merchant.url)}`,
          'Idempotency-Key': `e2e-${randomBytes(8).toString('hex')}`,
        },
      })
      assert.equal(again.status, 409)
      assert.equal((await again.json()).error.reason, 'already_claimed')

      await page.goto(`${web.url}/#/pages/index/index`)
      await page.getByRole('button', { name: '我的优惠券' }).click()
      const wallet = page.getByRole('region', { name: '我的优惠券' })
      await wallet.getByRole('tab', { name: '可使用（2）' }).waitFor()
      await wallet.getByRole('tab', { name: '已过期（1）' }).waitFor()
      const list = wallet.getByRole('tabpanel', { name: '可使用' })
      await list.getByRole('group', { name: 'T恤立减 10 元' }).waitFor()
      await wallet.getByRole('tab', { name: '已过期（1）' }).click()
      await wallet
        .getByRole('tabpanel', { name: '已过期' })
        .getByRole('group', { name: '冬季满 50 减 5' })
        .waitFor()

      // buy now of a white M: the held coupon is the best one, and the server takes it
      await page.goto(`${web.url}/#/packageGoods/pages/product/index?id=cotton-tee`)
      await page.getByRole('button', { name: '请选择 颜色 尺码' }).click()
      const sheet = page.getByRole('dialog', { name: '选择规格' })
      await sheet.getByRole('radio', { name: '白' }).click()
      await sheet.getByRole('radio', { name: 'M', exact: true }).click()
      await sheet.getByRole('button', { name: '加入购物车' }).click()
      await sheet.getByRole('status').getByText('已加入购物车').waitFor()
      await page.goto(`${web.url}/#/pages/cart/index`)
      await page.getByRole('button', { name: '去结算（1）' }).click()
      await enterAddress(page)
      const quote = await serverQuote(merchant.url, [{ skuId: 'tee-white-m', quantity: 1 }], {
        coupon: 'TEE10',
        address: ADDRESS,
      })
      assert.equal(quote.discount.amount, 1000)
      await page.getByText(yuan(quote.payable), { exact: true }).first().waitFor()
      await submitButton(page).click()
      const orderId = await paidOrderId(page)
      await assertPaid(merchant.url, orderId, quote.payable)
      const used = await call(merchant.url, 'GET', '/coupons?status=used')
      assert.deepEqual(
        used.coupons.map((entry) => entry.coupon.id),
        ['TEE10'],
      )
    },
  },
]

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

async function main() {
  const only = process.argv.slice(2).join(' ')
  buildLibraries()
  ;({ formatMoney } = await import('@tradekit/core'))
  buildMerchant()
  if (process.env.SKIP_APP_BUILD !== '1') run('pnpm', ['run', 'build:h5'])

  const cleanups = []
  let passed = 0
  let failed = 0
  try {
    const merchant = await startMerchant({ env: MERCHANT_ENV })
    cleanups.push(() => merchant.stop())
    let backend = merchant.url
    const web = await startWebServer({ root: path.join(appDir, 'dist/h5'), backend: () => backend })
    cleanups.push(() => web.close())
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    cleanups.push(() => browser.close())

    for (const scenario of scenarios) {
      // `node scripts/e2e.mjs a | b` runs the scenarios whose name contains a or b
      if (only && !only.split('|').some((part) => scenario.name.includes(part.trim()))) continue
      const started = Date.now()
      // this scenario's user: the app logs in with this sandbox device code (Taro's H5 storage format)
      userCode = `e2e_${scenarios.indexOf(scenario)}_${randomBytes(8).toString('hex')}`
      const openContext = async () => {
        const opened = await browser.newContext({
          viewport: { width: 375, height: 812 },
          locale: 'zh-CN',
          ...scenario.context,
        })
        opened.setDefaultTimeout(STEP_TIMEOUT_MS)
        await opened.addInitScript((code) => {
          if (localStorage.getItem('mini-shop:sandbox-device') === null) {
            localStorage.setItem('mini-shop:sandbox-device', JSON.stringify({ data: JSON.stringify(code) }))
          }
        }, userCode)
        return opened
      }
      const context = await openContext()
      const devices = []
      if (scenario.settings) {
        // Taro's H5 storage format: { data } as JSON
        await context.addInitScript((settings) => {
          localStorage.setItem('mini-shop:sandbox', JSON.stringify({ data: JSON.stringify(settings) }))
        }, scenario.settings)
      }
      const errors = []
      const newPage = async () => {
        const opened = await context.newPage()
        opened.on('pageerror', (error) => errors.push(error.message))
        return opened
      }
      // another device of the same user: a context of its own (its own storage), the same sandbox login
      const newDevice = async () => {
        const device = await openContext()
        devices.push(device)
        const opened = await device.newPage()
        opened.on('pageerror', (error) => errors.push(error.message))
        return opened
      }
      const page = await newPage()
      // a server of its own on disk, for the scenario that restarts it (the shared one is in memory)
      const dataDir = mkdtempSync(path.join(tmpdir(), 'mini-shop-e2e-'))
      let restarted = null
      let port = 0
      const restartable = {
        async start(env = {}) {
          restarted = await startMerchant({ port, dataDir, env: { ...MERCHANT_ENV, ...env } })
          port = restarted.port
          backend = restarted.url
          return restarted
        },
        async stop() {
          await restarted?.stop()
          restarted = null
        },
      }
      try {
        await withTimeout(
          scenario.run({ page, web, merchant, restartable, newPage, newDevice }),
          SCENARIO_TIMEOUT_MS,
          scenario.name,
        )
        assert.deepEqual(errors, [], 'uncaught errors in the page')
        passed++
        console.log(`✓ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
      } catch (error) {
        failed++
        console.log(`✗ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
        console.log(
          `  ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 8)
            .join('\n  ')}`,
        )
        const shot = path.join(appDir, '.e2e', `${scenarios.indexOf(scenario) + 1}.png`)
        const last = devices.at(-1)?.pages().at(-1) ?? context.pages().at(-1) ?? page
        await last.screenshot({ path: shot, fullPage: true }).then(
          () => console.log(`  screenshot: ${path.relative(process.cwd(), shot)}`),
          () => {},
        )
      } finally {
        for (const device of devices) await device.close()
        await context.close()
        await restartable.stop()
        backend = merchant.url
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  }
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  console.log('\n0 passed, 1 failed')
  process.exit(1)
})
