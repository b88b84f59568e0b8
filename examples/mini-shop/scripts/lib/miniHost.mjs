// A tiny mini-program host for Node: it provides the `tt`/`wx` global, App(), Page(), getApp() and
// getCurrentPages(), loads a Taro build's dist like the platform would (CommonJS-style require of
// the output files), records every setData and fires taps through Taro's event handler. No vendor
// IDE is needed to see whether a build runs and what it hands the native renderer.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/** Merges a Taro setData payload (paths like `root.cn.[0].cn.[1].v`) into a plain object. */
function applyPath(target, key, value) {
  const parts = key.split('.').map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part))
  let node = target
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (node[part] === undefined || node[part] === null)
      node[part] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[part]
  }
  node[parts[parts.length - 1]] = value
}

/**
 * Loads `dist` (the output of `taro build --type <platform>`) in a fresh context with a fake
 * platform global named `globalName` ('tt' or 'wx'). `request(options)` answers the app's network
 * calls (like `tt.request`'s success payload: `{ statusCode, data, header }`).
 */
export function createMiniHost({ dist, globalName, request, system = {} }) {
  const storage = new Map()
  const pages = new Map() // route → Page config
  const stack = [] // page instances
  const setDataLog = []
  const setDataListeners = new Set()
  const cashierCalls = []
  let appInstance = null
  const appShow = new Set()
  const appHide = new Set()

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
      ...system,
    }),
    getSystemInfo: (options) => callback(options, api.getSystemInfoSync()),
    getWindowInfo: () => api.getSystemInfoSync(),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    request(options) {
      let aborted = false
      Promise.resolve()
        .then(() => request(options))
        .then(
          (result) => {
            if (aborted) return
            options.success?.({ errMsg: 'request:ok', ...result })
            options.complete?.(result)
          },
          (error) => {
            if (aborted) return
            const result = { errMsg: `request:fail ${error?.message ?? error}` }
            options.fail?.(result)
            options.complete?.(result)
          },
        )
      return { abort: () => (aborted = true), onHeadersReceived: noop, offHeadersReceived: noop }
    },
    onAppShow: (fn) => appShow.add(fn),
    offAppShow: (fn) => appShow.delete(fn),
    onAppHide: (fn) => appHide.add(fn),
    offAppHide: (fn) => appHide.delete(fn),
    // the cashiers exist (a channel feature-detects them) but nothing here pays: calls are recorded
    requestOrder: (options) => cashierCalls.push({ api: 'requestOrder', options }),
    getOrderPayment: (options) => cashierCalls.push({ api: 'getOrderPayment', options }),
    requestPayment: (options) => cashierCalls.push({ api: 'requestPayment', options }),
    canIUse: (name) => typeof api[String(name).split('.')[0]] === 'function',
    nextTick: (fn) => setTimeout(fn, 0),
    navigateTo(options) {
      const url = options.url.replace(/^\//, '')
      const [route, query = ''] = url.split('?')
      host.openPage(route, Object.fromEntries(new URLSearchParams(query)))
      callback(options, { errMsg: 'navigateTo:ok' })
    },
    redirectTo: (options) => api.navigateTo(options),
    reLaunch: (options) => api.navigateTo(options),
    navigateBack: (options) => callback(options, { errMsg: 'navigateBack:ok' }),
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
    getUpdateManager: () => ({ onCheckForUpdate: noop, onUpdateReady: noop, onUpdateFailed: noop }),
    onError: noop,
    onUnhandledRejection: noop,
    onPageNotFound: noop,
    getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001 }),
    reportAnalytics: noop,
  }
  const platform = new Proxy(api, {
    get(target, key) {
      if (key in target) return target[key]
      if (typeof key === 'symbol') return undefined
      // Taro reads a few flags and feature tables; an unknown API is a no-op
      return undefined
    },
    set(target, key, value) {
      target[key] = value
      return true
    },
  })

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
    [globalName]: platform,
    App(config) {
      appInstance = Object.assign(Object.create(config), {})
    },
    Page(config) {
      pages.set(currentRoute, config)
    },
    Component(config) {
      pages.set(currentRoute, config)
    },
    getApp: () => appInstance,
    getCurrentPages: () => [...stack],
    requirePlugin: () => ({}),
  })
  context.globalThis = context

  const modules = new Map()
  let currentRoute = ''
  function load(file) {
    const resolved = path.resolve(dist, file.endsWith('.js') ? file : `${file}.js`)
    if (modules.has(resolved)) return modules.get(resolved).exports
    const module = { exports: {} }
    modules.set(resolved, module)
    const source = readFileSync(resolved, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${source}\n})`, context, {
      filename: resolved,
    })
    fn((next) => load(path.join(path.dirname(path.relative(dist, resolved)), next)), module, module.exports)
    return module.exports
  }

  const host = {
    setDataLog,
    cashierCalls,
    storage,
    /** Loads app.js and launches the app. */
    launch() {
      currentRoute = 'app'
      load('app.js')
      if (!appInstance) throw new Error('app.js did not call App()')
      appInstance.onLaunch?.call(appInstance, { path: '', query: {}, scene: 1001 })
      appInstance.onShow?.call(appInstance, { path: '', query: {}, scene: 1001 })
    },
    /** Loads a page file and runs its onLoad/onShow/onReady with a recording setData. */
    openPage(route, query = {}) {
      currentRoute = route
      load(`${route}.js`)
      const config = pages.get(route)
      if (!config) throw new Error(`${route}.js did not call Page()`)
      const instance = Object.create(config)
      Object.assign(instance, {
        route,
        __route__: route,
        options: query,
        data: structuredClone(config.data ?? {}),
        setData(data, cb) {
          setDataLog.push({ route, data })
          for (const [key, value] of Object.entries(data)) applyPath(instance.data, key, value)
          for (const listener of setDataListeners) listener(instance, data)
          if (cb) setTimeout(cb, 0)
        },
        selectComponent: () => null,
        createSelectorQuery: api.createSelectorQuery,
        getOpenerEventChannel: () => ({ emit: noop, on: noop, once: noop, off: noop }),
      })
      stack.push(instance)
      instance.onLoad?.call(instance, query)
      instance.onShow?.call(instance)
      instance.onReady?.call(instance)
      return instance
    },
    /** Calls `listener(page, data)` after each setData is applied; returns the unsubscribe. */
    onSetData(listener) {
      setDataListeners.add(listener)
      return () => setDataListeners.delete(listener)
    },
    /**
     * Waits until `predicate()` holds and no setData came for `quietMs` (the renders an interaction
     * set off are over: batches on later frames, a storage write's echo), at most `timeoutMs`.
     */
    async settle(predicate, what, { quietMs = 300, timeoutMs = 15_000 } = {}) {
      const until = Date.now() + timeoutMs
      let count = setDataLog.length
      let quietSince = Date.now()
      for (;;) {
        if (setDataLog.length !== count) {
          count = setDataLog.length
          quietSince = Date.now()
        }
        if (predicate() && Date.now() - quietSince >= quietMs) return
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    /** The page on top of the stack. */
    currentPage: () => stack.at(-1),
    /** Waits until `predicate()` holds (requests, timers and renders run meanwhile), at most `timeoutMs`. */
    async waitFor(predicate, what, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    /** Every node of a page's rendered tree (Taro's `root.cn` data), depth first. */
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
    /** The text of a node and its children (Taro keeps text in `v` of '#text' nodes). */
    text(node) {
      if (!node) return ''
      return `${node.v ?? ''}${(node.cn ?? []).map((child) => host.text(child)).join('')}`
    },
    /** Fires a tap on a node through the page's event handler, as the platform would. */
    tap(instance, node) {
      const id = node.uid ?? node.sid
      const event = {
        type: 'tap',
        timeStamp: Date.now(),
        target: { id, dataset: { sid: node.sid } },
        currentTarget: { id, dataset: { sid: node.sid } },
        detail: { x: 0, y: 0 },
        touches: [],
        changedTouches: [],
        mpEvent: undefined,
      }
      instance.eh.call(instance, event)
    },
    showApp: () => {
      for (const fn of appShow) fn({})
    },
    hideApp: () => {
      for (const fn of appHide) fn({})
    },
  }
  return host
}
