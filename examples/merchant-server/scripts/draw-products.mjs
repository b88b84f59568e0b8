#!/usr/bin/env node
// Draws the example catalogue's product pictures as PNG files in static/products/ (`node
// examples/merchant-server/scripts/draw-products.mjs`, from the repository's root, after `pnpm
// install`: it uses Debian's Chromium, as the story pictures do, or CHROMIUM_PATH). The drawings are the stories' flat vector
// illustrations (stories/fixtures/images/draw.mjs) and four more for goods the stories do not sell.
// PNG rather than SVG: every mini-program's <image> shows PNG. Run it again after changing a drawing
// and commit the files it writes; the server serves them at /static/products/<name>.png.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright'
import { drawings, SIZE, svg } from '../../../stories/fixtures/images/draw.mjs'

const pictures = {
  'tea-gift-box': svg(
    'Tea gift box',
    '#eef4ea',
    `<rect x="46" y="92" width="148" height="104" rx="8" fill="#2e7d32"/>` +
      `<rect x="38" y="76" width="164" height="28" rx="6" fill="#1b5e20"/>` +
      `<rect x="112" y="76" width="16" height="120" fill="#c8a24a"/>` +
      `<path d="M120 140c-22-4-34-18-30-40 22 2 34 16 30 40zm0 0c4-24 18-36 40-34-2 22-18 34-40 34z" fill="#a5d6a7"/>`,
  ),
  'limited-print': svg(
    'Framed print',
    '#f1eef6',
    `<rect x="48" y="40" width="144" height="160" rx="4" fill="#5d4037"/>` +
      `<rect x="60" y="52" width="120" height="136" fill="#fbf8f2"/>` +
      `<circle cx="146" cy="86" r="14" fill="#ef8a5b"/>` +
      `<path d="M60 188l40-60 26 34 18-22 36 48z" fill="#5c6bc0"/>`,
  ),
  'desk-calendar': svg(
    'Desk calendar',
    '#fbefe9',
    `<path d="M56 200 76 62h88l20 138z" fill="#8d6e63"/>` +
      `<rect x="62" y="54" width="116" height="128" rx="6" fill="#ffffff"/>` +
      `<rect x="62" y="54" width="116" height="34" rx="6" fill="#e53935"/>` +
      `<path d="M92 44v20m56-20v20" stroke="#424242" stroke-width="6" stroke-linecap="round"/>` +
      `<path d="M80 108h16m16 0h16m16 0h16M80 132h16m16 0h16m16 0h16M80 156h16m16 0h16" stroke="#bdbdbd" stroke-width="10"/>`,
  ),
  'sticker-pack': svg(
    'Sticker pack',
    '#fff6dc',
    `<rect x="74" y="52" width="110" height="110" rx="22" fill="#90caf9" transform="rotate(10 129 107)"/>` +
      `<circle cx="112" cy="126" r="58" fill="#ffca28"/>` +
      `<circle cx="92" cy="114" r="8" fill="#5d4037"/><circle cx="132" cy="114" r="8" fill="#5d4037"/>` +
      `<path d="M88 142c14 16 34 16 48 0" fill="none" stroke="#5d4037" stroke-width="7" stroke-linecap="round"/>`,
  ),
  mug: drawings.mug,
  'tee-white': drawings['tee-white'],
  'tee-black': drawings['tee-black'],
  consult: drawings.consult,
  book: drawings.book,
  vip: drawings.vip,
}

const out = join(import.meta.dirname, '..', 'static', 'products')
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 2 })
  for (const [name, text] of Object.entries(pictures)) {
    await page.setContent(`<body style="margin:0">${text}</body>`)
    const png = await page.locator('svg').screenshot({ type: 'png' })
    writeFileSync(join(out, `${name}.png`), png)
    console.log(`${name}.png ${png.length} B`)
  }
} finally {
  await browser.close()
}
