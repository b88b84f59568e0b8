import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cny,
  DRIVER,
  newKey,
  SHIPPING_ADDRESS,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'

// A product with specs (纯棉短袖T恤: 颜色 × 尺码), each combination a SKU with its own price and stock,
// served in the shape TradeKit's `skuMatrix(specs, skus)` takes; each SKU is also an ordinary
// catalogue item, ordered like any other.

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.destroy()
})

interface ProductBody {
  productId: string
  title: string
  kind: string
  specs: { id: string; name: string; values: { id: string; name: string }[] }[]
  skus: { skuId: string; specs: Record<string, string>; price: unknown; stock: number; status: string }[]
  price: unknown
}

describe(`products with specs on ${DRIVER}`, () => {
  it('serves the T-shirt as spec groups and SKUs, black XL sold out, black L and white XL in stock', async () => {
    const answer = await server.call<ProductBody>('GET', '/products/cotton-tee')
    expect(answer.status).toBe(200)
    const product = answer.body
    expect(product).toMatchObject({
      productId: 'cotton-tee',
      title: '纯棉短袖T恤',
      kind: 'physical',
      price: cny(6900),
    })
    expect(product.specs.map((group) => [group.id, group.values.map((value) => value.name)])).toEqual([
      ['color', ['白', '黑']],
      ['size', ['M', 'L', 'XL']],
    ])
    expect(product.skus).toHaveLength(6)
    const bySpecs = (color: string, size: string) =>
      product.skus.find((sku) => sku.specs.color === color && sku.specs.size === size)
    expect(bySpecs('black', 'xl')).toMatchObject({ skuId: 'tee-black-xl', stock: 0, status: 'sold_out' })
    expect(bySpecs('black', 'l')).toMatchObject({ skuId: 'tee-black-l', status: 'on_sale', price: cny(6900) })
    expect(bySpecs('black', 'l')!.stock).toBeGreaterThan(0)
    expect(bySpecs('white', 'xl')).toMatchObject({
      skuId: 'tee-white-xl',
      status: 'on_sale',
      price: cny(7900),
    })
    expect(bySpecs('white', 'xl')!.stock).toBeGreaterThan(0)
    expect((await server.call('GET', '/products/no-such-product')).status).toBe(404)
  })

  it('lists the product in the catalogue, its SKUs as items naming it with their spec text', async () => {
    const { body } = await server.call<{
      items: { skuId: string; productId?: string; attributes: unknown }[]
      products: ProductBody[]
    }>('GET', '/catalogue')
    expect(body.products.map((product) => product.productId)).toEqual(['cotton-tee'])
    const tee = body.items.filter((item) => item.productId === 'cotton-tee')
    expect(tee).toHaveLength(6)
    expect(tee.find((item) => item.skuId === 'tee-white-l')?.attributes).toEqual([
      { name: '颜色', value: '白' },
      { name: '尺码', value: 'L' },
    ])
  })

  it('sells a SKU from its own stock and refuses the sold-out one', async () => {
    const before = await stockOf(server.merchant, 'tee-black-l')
    const created = await server.call('POST', '/orders', {
      body: {
        lines: [{ skuId: 'tee-black-l', quantity: 1 }],
        address: SHIPPING_ADDRESS,
        expectedPayable: cny(6900 + 800),
      },
      headers: { 'Idempotency-Key': newKey() },
      user: 'tina',
    })
    expect(created.status).toBe(201)
    expect(await stockOf(server.merchant, 'tee-black-l')).toBe(before! - 1)
    const soldOut = await server.call('POST', '/orders', {
      body: {
        lines: [{ skuId: 'tee-black-xl', quantity: 1 }],
        address: SHIPPING_ADDRESS,
        expectedPayable: cny(7900 + 800),
      },
      headers: { 'Idempotency-Key': newKey() },
      user: 'tina',
    })
    expect(soldOut.status).toBe(409)
    expect(soldOut.body.error).toMatchObject({ code: 'OUT_OF_STOCK', skuIds: ['tee-black-xl'] })
  })
})
