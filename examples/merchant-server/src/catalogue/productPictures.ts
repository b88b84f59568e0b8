import { readdirSync, readFileSync } from 'node:fs'

/** Where the server serves the example catalogue's product pictures. */
export const PICTURES_PATH = '/static/products/'

/** The path a picture of static/products/ is served at (what the catalogue's `image` holds). */
export const picturePath = (name: string): string => `${PICTURES_PATH}${name}.png`

/**
 * The example catalogue's product pictures (static/products/*.png, drawn by
 * scripts/draw-products.mjs), by file name. Read once, when the server is made: the route serves
 * only these, so no path a client sends ever reaches the file system.
 */
export function loadProductPictures(): ReadonlyMap<string, Uint8Array<ArrayBuffer>> {
  const dir = new URL('../../static/products/', import.meta.url)
  const pictures = new Map<string, Uint8Array<ArrayBuffer>>()
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.png')) pictures.set(file, new Uint8Array(readFileSync(new URL(file, dir))))
  }
  return pictures
}
