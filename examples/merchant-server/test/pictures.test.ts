import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRIVER, startTestServer, type TestServer } from './harness.ts'

// The example catalogue's product pictures: every `image` the catalogue names is a path this server
// serves (a PNG from static/products/), and nothing else is served from there.

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.destroy()
})

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const fetchPicture = (path: string) => fetch(`${server.url}${path}`)

describe(`product pictures on ${DRIVER}`, () => {
  it('every catalogue item and every SKU of a product has a picture the server serves as a PNG', async () => {
    const { body } = await server.call<{
      items: { skuId: string; image?: string }[]
      products: { skus: { skuId: string; image?: string }[] }[]
    }>('GET', '/catalogue', { user: null })
    const images = [...body.items, ...body.products.flatMap((product) => product.skus)].map(
      (item) => [item.skuId, item.image] as const,
    )
    expect(images.filter(([, image]) => image === undefined)).toEqual([])
    for (const image of new Set(images.map(([, path]) => path!))) {
      expect(image).toMatch(/^\/static\/products\/[a-z-]+\.png$/)
      const response = await fetchPicture(image)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/png')
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400')
      expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 8)]).toEqual(PNG_SIGNATURE)
    }
  })

  it('serves only the pictures it has: another name or a path out of the folder is not found', async () => {
    const files = readdirSync(new URL('../static/products/', import.meta.url))
    expect(files.length).toBeGreaterThan(0)
    for (const path of [
      '/static/products/nope.png',
      '/static/products/..%2F..%2Fpackage.json',
      '/static/products/%2E%2E%2Fscripts%2Fdraw-products.mjs',
      '/static/products/',
    ]) {
      const response = await fetchPicture(path)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('application/json')
    }
  })
})
