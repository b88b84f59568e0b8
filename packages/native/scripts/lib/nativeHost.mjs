// A small native mini-program host for Node, for native pages that use custom components: it
// provides the `wx`/`tt` global, App(), Page(), Component(), getApp() and getCurrentPages(), loads
// the project's files like the platform (CommonJS-style require, relative or from the project root),
// reads a page's JSON `usingComponents` and its template's custom-component tags, creates those
// components (properties, observers, created/attached/ready, setData, triggerEvent → the page's
// `bind:<event>` handler) and fires taps through a Taro component's event handler (`eh`).
// After examples/mini-shop/scripts/lib/miniHost.mjs (a host for Taro pages), which it does not import
// because that host registers every Component() as a page.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/** Merges a setData payload (paths like `root.cn.[0].cn.[1].v`) into a plain object. */
function applyPath(target, key, value) {
  const parts = key
    .replace(/\[(\d+)\]/g, '.[$1]')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part))
  let node = target
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (node[part] === undefined || node[part] === null)
      node[part] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[part]
  }
  node[parts[parts.length - 1]] = value
}

const clone = (value) => (value === undefined ? undefined : structuredClone(value))

/** The value of `{{a.b}}` against `data`; a literal attribute is returned as it is. */
function bindingValue(raw, data) {
  const match = /^\{\{\s*([\w$.[\]]+)\s*\}\}$/.exec(raw)
  if (!match) return raw
  let value = data
  for (const part of match[1].replace(/\[(\d+)\]/g, '.$1').split('.')) value = value?.[part]
  return value
}

/** The custom-component tags of a template, in document order: `{ tag, attrs }`. */
export function componentTags(template, names) {
  const out = []
  for (const match of template.matchAll(/<([a-z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    if (!names.includes(match[1])) continue
    const attrs = {}
    for (const attr of match[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs[attr[1]] = attr[2] ?? ''
    out.push({ tag: match[1], attrs })
  }
  return out
}

/**
 * A host for the native project in `root` (app.js, app.json, pages, components), with the platform
 * global `globalName` ('wx' or 'tt') and templates with extension `templateExt` ('wxml' or 'ttml').
 */
export function createNativeHost({ root, globalName, templateExt }) {
  const storage = new Map()
  const pages = new Map() // file (no extension) → Page config
  const components = new Map() // file (no extension) → Component config
  const stack = []
  const setDataLog = [] // { owner: route or component file, data, bytes }
  const errors = []
  let appInstance = null

  const noop = () => {}
  const callback = (options, result) => {
    queueMicrotask(() => {
      options?.success?.(result)
      options?.complete?.(result)
    })
  }
  const api = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      system: 'Node host',
      windowWidth: 375,
      windowHeight: 812,
      screenWidth: 375,
      screenHeight: 812,
      pixelRatio: 2,
      SDKVersion: '3.0.0',
    }),
    getSystemInfo: (options) => callback(options, api.getSystemInfoSync()),
    getWindowInfo: () => api.getSystemInfoSync(),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    canIUse: (name) => typeof api[String(name).split('.')[0]] === 'function',
    nextTick: (fn) => setTimeout(fn, 0),
    showToast: (options) => callback(options, {}),
    hideToast: noop,
    showModal: (options) => callback(options, { confirm: true, cancel: false }),
    createSelectorQuery: () => {
      const query = {
        in: () => query,
        select: () => query,
        selectAll: () => query,
        selectViewport: () => query,
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        exec: (fn) => fn?.([]),
      }
      return query
    },
    createIntersectionObserver: () => ({ relativeToViewport: () => ({ observe: noop }), disconnect: noop }),
    onAppShow: noop,
    offAppShow: noop,
    onAppHide: noop,
    offAppHide: noop,
    onError: noop,
    onUnhandledRejection: noop,
    getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
    reportAnalytics: noop,
  }

  let loadingFile = ''
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    Promise,
    URL,
    URLSearchParams,
    AbortController,
    TextEncoder,
    TextDecoder,
    [globalName]: api,
    App(config) {
      appInstance = Object.assign(Object.create(config), {})
    },
    Page(config) {
      pages.set(loadingFile, config)
    },
    Component(config) {
      components.set(loadingFile, config)
    },
    getApp: () => appInstance,
    getCurrentPages: () => [...stack],
    requirePlugin: () => ({}),
  })
  context.globalThis = context

  const modules = new Map()
  /** Requires `file` (relative to the project root, no leading slash) as the platform would. */
  function load(file) {
    const resolved = path.resolve(root, file.endsWith('.js') ? file : `${file}.js`)
    if (modules.has(resolved)) return modules.get(resolved).exports
    const module = { exports: {} }
    modules.set(resolved, module)
    const source = readFileSync(resolved, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${source}\n})`, context, {
      filename: resolved,
    })
    const previous = loadingFile
    loadingFile = resolved.slice(0, -3)
    try {
      fn(
        (next) =>
          load(
            next.startsWith('/')
              ? next.slice(1)
              : path.join(path.dirname(path.relative(root, resolved)), next),
          ),
        module,
        module.exports,
      )
    } finally {
      loadingFile = previous
    }
    return module.exports
  }

  /** `usingComponents` path of a file `from` (no extension, absolute) → the component's absolute file. */
  function resolveComponent(from, target) {
    if (target.startsWith('/')) return path.join(root, target)
    if (target.startsWith('.')) return path.resolve(path.dirname(from), target)
    // an npm path: miniprogram_npm next to the page or at the root
    return path.join(root, 'miniprogram_npm', target)
  }

  function record(owner, data) {
    setDataLog.push({ owner, data, bytes: Buffer.byteLength(JSON.stringify(data)) })
  }

  function createComponentInstance(file, attrs, page) {
    if (!components.has(file)) load(path.relative(root, file))
    const config = components.get(file)
    if (!config) throw new Error(`${path.relative(root, file)}.js did not call Component()`)
    const properties = config.properties ?? {}
    const data = clone(config.data ?? {}) ?? {}
    for (const [name, spec] of Object.entries(properties)) {
      data[name] = clone(spec && typeof spec === 'object' && 'value' in spec ? spec.value : null)
    }
    const events = {}
    for (const [attr, value] of Object.entries(attrs)) {
      const event = /^(?:bind:?|catch:?)([\w-]+)$/.exec(attr)
      if (event) events[event[1]] = value
    }
    const bound = Object.entries(attrs).filter(([name]) => name in properties)
    const instance = {
      is: path.relative(root, file),
      id: attrs.id ?? '',
      data,
      properties: data,
      setData(next, cb) {
        record(instance.is, next)
        for (const [key, value] of Object.entries(next)) applyPath(instance.data, key, value)
        if (cb) setTimeout(cb, 0)
      },
      triggerEvent(name, detail) {
        instance.events.push({ name, detail: clone(detail) })
        const handler = events[name]
        if (!handler) return
        if (typeof page[handler] !== 'function') throw new Error(`page has no ${handler}() for bind:${name}`)
        page[handler]({ type: name, detail, target: { id: instance.id }, currentTarget: { id: instance.id } })
      },
      createSelectorQuery: api.createSelectorQuery,
      selectComponent: () => null,
      events: [],
      /** Re-reads the bound properties from the page's data (after the page's setData). */
      sync() {
        for (const [name, raw] of bound) {
          const value = clone(bindingValue(raw, page.data))
          const old = instance.data[name]
          if (JSON.stringify(value) === JSON.stringify(old)) continue
          instance.data[name] = value
          properties[name]?.observer?.call(instance, value, old)
        }
      },
    }
    Object.assign(instance, config.methods ?? {})
    // the first values are set before `created`, like the platform does
    for (const [name, raw] of bound) instance.data[name] = clone(bindingValue(raw, page.data))
    const lifetimes = { ...config, ...(config.lifetimes ?? {}) }
    lifetimes.created?.call(instance)
    lifetimes.attached?.call(instance)
    lifetimes.ready?.call(instance)
    return instance
  }

  const host = {
    setDataLog,
    errors,
    storage,
    components,
    load,
    /** Loads app.js and launches the app. */
    launch() {
      load('app.js')
      if (!appInstance) throw new Error('app.js did not call App()')
      appInstance.onLaunch?.call(appInstance, { path: '', query: {}, scene: 1001 })
      appInstance.onShow?.call(appInstance, { path: '', query: {}, scene: 1001 })
    },
    /**
     * Opens a page: runs its onLoad/onShow, creates the custom components its template uses (in
     * document order, `host.componentsOf(page)`), then onReady.
     */
    openPage(route, query = {}) {
      const file = path.join(root, route)
      load(route)
      const config = pages.get(file)
      if (!config) throw new Error(`${route}.js did not call Page()`)
      const json = JSON.parse(readFileSync(`${file}.json`, 'utf8'))
      const using = json.usingComponents ?? {}
      const template = readFileSync(`${file}.${templateExt}`, 'utf8')
      const page = Object.create(config)
      const children = []
      Object.assign(page, {
        route,
        __route__: route,
        options: query,
        data: clone(config.data ?? {}),
        setData(next, cb) {
          record(route, next)
          for (const [key, value] of Object.entries(next)) applyPath(page.data, key, value)
          for (const child of children) child.sync()
          if (cb) setTimeout(cb, 0)
        },
        selectComponent: (selector) => children.find((child) => `#${child.id}` === selector) ?? null,
        createSelectorQuery: api.createSelectorQuery,
      })
      stack.push(page)
      page.onLoad?.call(page, query)
      page.onShow?.call(page)
      for (const { tag, attrs } of componentTags(template, Object.keys(using))) {
        const componentFile = resolveComponent(file, using[tag])
        if (!existsSync(`${componentFile}.js`))
          throw new Error(`${tag}: no ${path.relative(root, componentFile)}.js`)
        const instance = createComponentInstance(componentFile, attrs, page)
        instance.tag = tag
        children.push(instance)
      }
      page.onReady?.call(page)
      page.children = children
      return page
    },
    /** Waits until `predicate()` holds (timers and renders run meanwhile), at most `timeoutMs`. */
    async waitFor(predicate, what, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    /** Lets timers and renders run for `ms`. */
    settle: (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms)),
    /** Every node of a Taro component's rendered tree (its `root.cn` data), depth first. */
    nodes(instance) {
      const out = []
      const walk = (node) => {
        if (!node || typeof node !== 'object') return
        out.push(node)
        for (const child of node.cn ?? []) walk(child)
      }
      walk(instance.data.root)
      return out
    },
    /** The text of a node and its children (Taro keeps text in `v`). */
    text(node) {
      if (!node) return ''
      return `${node.v ?? ''}${(node.cn ?? []).map((child) => host.text(child)).join('')}`
    },
    /** Fires a tap on a node through the component's Taro event handler, as the platform would. */
    tap(instance, node) {
      const id = node.uid ?? node.sid
      instance.eh({
        type: 'tap',
        timeStamp: Date.now(),
        target: { id, dataset: { sid: node.sid } },
        currentTarget: { id, dataset: { sid: node.sid } },
        detail: { x: 0, y: 0 },
        touches: [],
        changedTouches: [],
      })
    },
  }
  return host
}
