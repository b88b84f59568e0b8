// The shop page of a native mini-program: two product cards, the cart and the checkout bar.
// Products come from your server with prices in minor units (fen): 12800 is ¥128.00.
const platform = typeof tt !== 'undefined' ? tt : wx

const TEA = {
  skuId: 'longjing-250g',
  title: '明前龙井 250g',
  price: { amount: 12800, currency: 'CNY' },
  stock: 3,
  kind: 'physical',
  tags: ['新茶'],
}
const CUP = {
  skuId: 'celadon-cup',
  title: '青瓷品茗杯',
  price: { amount: 4950, currency: 'CNY' },
  stock: 0,
  status: 'sold_out',
  kind: 'physical',
}

/** Your order API; here it answers after a short delay. */
function createOrder(request) {
  return new Promise((resolve) => setTimeout(() => resolve({ orderId: `demo-${Date.now()}`, request }), 200))
}

Page({
  data: {
    tea: { product: TEA },
    cup: { product: CUP },
    cart: {},
    bar: { busy: false },
    summary: null,
    orders: [],
  },
  onAdd(event) {
    const { result } = event.detail
    if (!result.ok) platform.showToast({ title: '库存不足', icon: 'none' })
  },
  onCartChange(event) {
    this.setData({ summary: event.detail })
  },
  onCheckout() {
    // the cart's "去结算": this page has its checkout bar below, a real shop would navigate
  },
  onSubmit(event) {
    // one tap, one event: the bar stays locked while `busy` is set
    this.setData({ 'bar.busy': true })
    createOrder(event.detail).then((order) => {
      this.setData({ 'bar.busy': false, orders: this.data.orders.concat(order.orderId) })
    })
  },
})
