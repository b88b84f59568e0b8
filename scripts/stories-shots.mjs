#!/usr/bin/env node
// Pictures of every story for designers (`pnpm stories:shots`): builds the static Storybook, opens each
// story in Chromium as a 375 × 812 phone at 2x, fails a story whose content is wider than the phone,
// compares its picture with the committed baseline (stories/__shots__/<story id>.png) and writes a contact
// sheet per family next to the pictures (<out>/shots/index.html).
//
//   node scripts/stories-shots.mjs [--update] [--out DIR] [--skip-build] [--only TEXT]
//
//   --update      write the pictures as the new baselines (a changed picture is then on purpose)
//   --out DIR     the static Storybook to build into and publish with the pictures (default: a temp dir)
//   --skip-build  reuse the static Storybook already in --out
//   --only TEXT   only the stories whose id contains TEXT (for a quick look; baselines of the others stay)
//
// Ends with "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pixelmatch from 'pixelmatch'
import { chromium } from 'playwright'
import { PNG } from 'pngjs'

const root = resolve(import.meta.dirname, '..')
const baselineDir = join(root, 'stories', '__shots__')

/** The phone every picture is taken on. */
const PHONE = { width: 375, height: 812, scale: 2 }
/** A picture is at most this many screens tall (a 200-line cart would be 40). */
const MAX_SCREENS = 2
/**
 * Baselines are kept at 1x (each pixel the mean of 2 × 2 of the picture), a quarter of the bytes; the
 * published pictures stay at 2x. Pixels may differ by `pixelmatch`'s colour threshold, anti-aliasing
 * aside; a picture changed when more than `pixels` of them differ (one changed character is more).
 * The threshold is 0.05: at 0.1 a border grey on white (#e5e6eb, the tokens' border colour) counted as
 * the same colour, so a track, a timeline's line or a placeholder's frame could vanish unnoticed.
 */
const TOLERANCE = { threshold: 0.05, pixels: 8 }
/** A story that has not settled by then fails (its play function hangs or waits too long). */
const STORY_TIMEOUT_MS = 30_000
/** Pages open at once: one per core is what a shared 2-core machine takes. */
const WORKERS = 2
/** Every story sees the same clock start (time still runs), so dates in pictures do not change. */
const CLOCK_START = Date.parse('2025-06-02T10:00:00+08:00')

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
]

const { values: options } = parseArgs({
  options: {
    update: { type: 'boolean', default: false },
    out: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})

const started = Date.now()
const out = options.out ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'tradekit-storybook-'))

checkChineseFont()

if (!options['skip-build']) {
  console.log(`Building Storybook into ${out}`)
  const build = spawnSync('pnpm', ['exec', 'storybook', 'build', '--quiet', '-o', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  })
  if (build.status !== 0) {
    console.log('storybook build failed')
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => !options.only || entry.id.includes(options.only))
console.log(
  `${stories.length} stories, ${WORKERS} at a time, ${PHONE.width}×${PHONE.height} @${PHONE.scale}x`,
)

const server = await serve(out)
const base = `http://127.0.0.1:${server.address().port}`
// Playwright gives the browser a fresh profile of its own (a new --user-data-dir).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
})

const shotsDir = join(out, 'shots')
mkdirSync(shotsDir, { recursive: true })
mkdirSync(baselineDir, { recursive: true })

/** @type {{ id: string; title: string; name: string; ok: boolean; problems: string[]; file?: string }[]} */
const results = []
const queue = [...stories]
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    const context = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
      deviceScaleFactor: PHONE.scale,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    })
    await context.addInitScript(freezeClockStart, CLOCK_START)
    let page
    for (let story = queue.shift(); story; story = queue.shift()) {
      // One page per worker: Storybook switches stories in it (loading the preview for each story
      // would take most of the time). A story that hangs or breaks the page gets a fresh one.
      page ??= await openPreview(context, story.id)
      const result = await shoot(page, story)
      if (result.broken) {
        await page.close().catch(() => {})
        page = undefined
      }
      results.push(result)
      console.log(
        `  ${result.ok ? 'ok  ' : 'FAIL'}  ${story.id}${result.problems.length ? `: ${result.problems.join('; ')}` : ''}`,
      )
    }
    await context.close().catch(() => {})
  }),
)
await browser.close()
server.close()

// Baselines whose story is gone fail the run (a renamed story keeps an old picture otherwise).
if (!options.only) {
  const ids = new Set(stories.map((s) => s.id))
  for (const file of readdirSync(baselineDir).filter((f) => f.endsWith('.png'))) {
    const id = file.slice(0, -4)
    if (ids.has(id)) continue
    if (options.update) {
      rmSync(join(baselineDir, file))
      console.log(`  removed the baseline of a story that is gone: ${file}`)
    } else {
      results.push({
        id,
        title: '',
        name: '',
        ok: false,
        problems: ['a baseline without a story (--update removes it)'],
      })
      console.log(`  FAIL  ${id}: a baseline without a story (--update removes it)`)
    }
  }
}

writeContactSheets(results.filter((r) => r.file))

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`\nPictures and contact sheets: ${join(shotsDir, 'index.html')}`)
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)

/** A page with Storybook's preview loaded, showing the given story. */
async function openPreview(context, id) {
  const page = await context.newPage()
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`)
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender, null, {
    timeout: STORY_TIMEOUT_MS,
  })
  // The preview's own styles are only the pictures' business: a caret blinks and a busy spinner turns.
  await page.addStyleTag({
    content:
      '*, *::before, *::after { animation-play-state: paused !important; caret-color: transparent !important; }',
  })
  return page
}

/** Shows one story, checks its width, takes its picture and compares it with the baseline. */
async function shoot(page, story) {
  const result = {
    id: story.id,
    title: story.title,
    name: story.name,
    ok: false,
    broken: false,
    problems: [],
  }
  try {
    const status = await Promise.race([
      page.evaluate(renderStory, story.id),
      new Promise((resolvePromise) => setTimeout(() => resolvePromise('timeout'), STORY_TIMEOUT_MS)),
    ])
    if (status === 'timeout') {
      result.broken = true
      result.problems.push(`the story did not finish in ${STORY_TIMEOUT_MS / 1000} s`)
      return result
    }
    // "error (…)": its play function or axe failed, or it threw
    if (status !== 'success') result.problems.push(`the story ended with ${status}`)
    await page.evaluate(() => document.fonts.ready)
    // A state set by the play's last step may render a little later: wait until the page is quiet
    // (no DOM change for 150 ms, 2 s at most).
    await page.evaluate(
      () =>
        new Promise((resolvePromise) => {
          let timer
          const done = () => {
            observer.disconnect()
            resolvePromise()
          }
          const observer = new MutationObserver(() => {
            clearTimeout(timer)
            timer = setTimeout(done, 150)
          })
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          })
          timer = setTimeout(done, 150)
          setTimeout(done, 2000)
        }),
    )
    await page.mouse.move(-10, -10)
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
      window.scrollTo(0, 0)
      return new Promise((resolvePromise) =>
        requestAnimationFrame(() => requestAnimationFrame(resolvePromise)),
      )
    })

    result.problems.push(...(await page.evaluate(findOverflow, PHONE.width)))

    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    const picture = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      clip: { x: 0, y: 0, width: PHONE.width, height: Math.min(height, PHONE.height * MAX_SCREENS) },
    })
    const file = `${story.id}.png`
    const png = PNG.sync.read(picture)
    writeFileSync(join(shotsDir, file), encode(png))
    result.file = file
    result.problems.push(...compare(halve(png), join(baselineDir, file)))
  } catch (error) {
    result.broken = true
    result.problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error))
  }
  result.ok = result.problems.length === 0
  return result
}

/**
 * Runs in the page: asks Storybook for the story and resolves with its status ("success", or "error"
 * with what failed) once it finished — rendered, played, checked by axe. Storage is cleared first:
 * each story starts as if on a fresh phone.
 */
function renderStory(id) {
  const preview = window.__STORYBOOK_PREVIEW__
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__
  localStorage.clear()
  sessionStorage.clear()
  return new Promise((resolvePromise) => {
    // a play function that threw is an error even when storyFinished says "success" (it does so
    // for a render that another one replaced while it played); what it threw is kept, so the run
    // says why
    const errors = []
    const errorEvents = [
      'playFunctionThrewException',
      'storyThrewException',
      'storyErrored',
      'unhandledErrorsWhilePlaying',
    ]
    const describe = (payload) => {
      const one = (e) =>
        String(e?.message ?? e?.description ?? e?.title ?? e)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal colours of expect's message
          .replace(/\u001b\[[0-9;]*m/g, '')
          .split('\n')[0]
          .slice(0, 200)
      return Array.isArray(payload) ? payload.map(one).join(', ') : one(payload)
    }
    const listeners = errorEvents.map((name) => [
      name,
      (payload) => errors.push(`${name}: ${describe(payload)}`),
    ])
    const finished = (event) => {
      if (event.storyId !== id) return
      channel.off('storyFinished', finished)
      for (const [name, listener] of listeners) channel.off(name, listener)
      // a reporter (axe) that failed says so in the event
      for (const report of event.reporters ?? []) {
        if (report.status !== 'failed' && report.status !== 'error') continue
        // each rule broken, with the elements it flagged
        const where = (v) => (v.nodes ?? []).map((n) => n.target?.join(' ')).join(', ')
        const violations = (report.result?.violations ?? []).map((v) => `${v.id} (${where(v)})`)
        errors.push(`${report.type}: ${violations.join(', ') || report.status}`)
      }
      if (errors.length === 0 && event.status !== 'success') errors.push(`status ${event.status}`)
      resolvePromise(errors.length === 0 ? 'success' : `error (${errors.join('; ')})`)
    }
    const start = () => {
      for (const [name, listener] of listeners) channel.on(name, listener)
      channel.on('storyFinished', finished)
      // the page was opened on this story: render it again, so it is played while we listen
      if (preview.currentRender?.id === id) channel.emit('forceRemount', { storyId: id })
      else channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' })
    }
    // let a render the page started on its own finish first
    const settled = () => {
      const phase = preview.currentRender?.phase
      if (phase === undefined || phase === 'finished' || phase === 'aborted') start()
      else setTimeout(settled, 20)
    }
    settled()
  })
}

/**
 * Runs in the page: what is wider than the phone. The story's root must not scroll sideways, and no
 * visible element may end right of the screen's edge — except inside something that scrolls sideways
 * on purpose.
 */
function findOverflow(width) {
  const problems = []
  const rootElement = document.getElementById('storybook-root')
  if (!rootElement) return ['no #storybook-root']
  const scroller = document.scrollingElement ?? document.documentElement
  if (scroller.scrollWidth > width) problems.push(`the page is ${scroller.scrollWidth}px wide`)
  if (rootElement.scrollWidth > width) problems.push(`the story root is ${rootElement.scrollWidth}px wide`)
  const scrollsSideways = (element) => {
    for (let e = element.parentElement; e && e !== rootElement; e = e.parentElement) {
      const { overflowX } = getComputedStyle(e)
      if ((overflowX === 'auto' || overflowX === 'scroll') && e.scrollWidth > e.clientWidth) return true
    }
    return false
  }
  const describe = (element) => {
    const className = typeof element.className === 'string' ? element.className.trim().split(/\s+/)[0] : ''
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24)
    return `<${element.tagName.toLowerCase()}${className ? `.${className}` : ''}>${text ? ` "${text}"` : ''}`
  }
  const wide = []
  for (const element of rootElement.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect()
    if (rect.width <= 1 || rect.height <= 1 || rect.right <= width + 0.5) continue
    const style = getComputedStyle(element)
    if (style.visibility === 'hidden' || style.display === 'none') continue
    if (scrollsSideways(element)) continue
    // a carousel's other slides wait beside the one shown (WAI-ARIA's carousel pattern marks it)
    if (element.closest('[aria-roledescription="carousel"]')) continue
    // report the outermost element that overflows, not each of its children
    if (wide.some((w) => w.contains(element))) continue
    wide.push(element)
  }
  for (const element of wide.slice(0, 3)) {
    problems.push(`${describe(element)} ends at ${Math.round(element.getBoundingClientRect().right)}px`)
  }
  if (wide.length > 3) problems.push(`and ${wide.length - 3} more elements wider than ${width}px`)
  return problems
}

/** PNG without alpha, maximum compression: what is committed and published. */
function encode(png) {
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9 })
}

/** The picture at half its size, each pixel the mean of four: what the baselines hold. */
function halve(png) {
  const width = Math.floor(png.width / PHONE.scale)
  const height = Math.floor(png.height / PHONE.scale)
  const half = new PNG({ width, height })
  const n = PHONE.scale * PHONE.scale
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0
        for (let dy = 0; dy < PHONE.scale; dy++) {
          for (let dx = 0; dx < PHONE.scale; dx++) {
            sum += png.data[((y * PHONE.scale + dy) * png.width + x * PHONE.scale + dx) * 4 + c]
          }
        }
        half.data[(y * width + x) * 4 + c] = Math.round(sum / n)
      }
    }
  }
  return half
}

/** Compares a 1x picture with its baseline; writes the baseline when asked to. */
function compare(png, baselineFile) {
  if (options.update) {
    writeFileSync(baselineFile, encode(png))
    return []
  }
  if (!existsSync(baselineFile)) return ['no baseline yet (run pnpm stories:shots --update)']
  const baseline = PNG.sync.read(readFileSync(baselineFile))
  if (baseline.width !== png.width || baseline.height !== png.height) {
    return [
      `the picture changed: ${png.width}×${png.height}, baseline ${baseline.width}×${baseline.height} (--update if on purpose)`,
    ]
  }
  const differing = pixelmatch(png.data, baseline.data, null, png.width, png.height, {
    threshold: TOLERANCE.threshold,
  })
  if (differing <= TOLERANCE.pixels) return []
  return [`the picture changed: ${differing} pixels differ (--update if on purpose)`]
}

/** One HTML page per family (the first part of a story's title) and an index of the families. */
function writeContactSheets(shot) {
  const html = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
  const families = new Map()
  for (const result of shot.sort((a, b) => a.id.localeCompare(b.id))) {
    const family = result.title.split('/')[0] || 'Stories'
    if (!families.has(family)) families.set(family, [])
    families.get(family).push(result)
  }
  const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>
body { margin: 24px; font: 14px/1.4 -apple-system, "Helvetica Neue", sans-serif; color: #1d2129; background: #e9ebef; }
main { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; width: ${PHONE.width}px; }
figure img { display: block; width: ${PHONE.width}px; box-shadow: 0 0 0 1px #c9cdd4; background: #fff; }
figcaption { margin-top: 6px; }
figcaption a { color: inherit; }
.fail { color: #b3261e; }
</style></head><body>${body}</body></html>
`
  const links = []
  for (const [family, members] of families) {
    const file = `${family.replace(/[^A-Za-z0-9-]+/g, '-')}.html`
    const failing = members.filter((m) => !m.ok).length
    links.push(
      `<li><a href="${html(file)}">${html(family)}</a> — ${members.length} stories${failing ? ` <span class="fail">(${failing} failing)</span>` : ''}</li>`,
    )
    const figures = members.map(
      (m) => `<figure><img src="${html(m.file)}" alt="${html(`${m.title} — ${m.name}`)}" loading="lazy">
<figcaption><a href="../?path=/story/${html(m.id)}">${html(m.title.split('/').slice(1).join('/') || m.title)} — ${html(m.name)}</a>${m.ok ? '' : `<br><span class="fail">${html(m.problems.join('; '))}</span>`}</figcaption></figure>`,
    )
    writeFileSync(
      join(shotsDir, file),
      page(
        `${family} — TradeKit stories`,
        `<h1>${html(family)}</h1><p><a href="index.html">All families</a></p><main>${figures.join('\n')}</main>`,
      ),
    )
  }
  writeFileSync(
    join(shotsDir, 'index.html'),
    page(
      'TradeKit stories — contact sheets',
      `<h1>TradeKit stories</h1><p>Every story at ${PHONE.width}×${PHONE.height} @${PHONE.scale}x in Chromium.</p><ul>${links.join('\n')}</ul>`,
    ),
  )
}

/** Serves the static Storybook on 127.0.0.1 (a free port). */
function serve(dir) {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
  }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    let file = join(dir, path)
    if (file.endsWith('/')) file = join(file, 'index.html')
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)))
}

/** Without a Chinese font every character is a box and pictures differ between machines. */
function checkChineseFont() {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  if (fonts.status === 0 && fonts.stdout.trim()) {
    const font = spawnSync('fc-match', ['sans-serif:lang=zh-cn', 'family'], { encoding: 'utf8' })
    console.log(`Chinese text in ${font.stdout.trim().split(',')[0]} (baselines: WenQuanYi Zen Hei)`)
    return
  }
  console.log('No Chinese font (fc-list :lang=zh is empty): run scripts/setup.sh, which installs one')
  console.log('0 passed, 1 failed')
  process.exit(1)
}

/** Runs in the page before any script: the clock starts at `start` and runs from there. */
function freezeClockStart(start) {
  const RealDate = Date
  const offset = start - RealDate.now()
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate
}
