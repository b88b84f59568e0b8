// A tiny mini-program host for Node: it provides the `tt`/`wx`/`my` global, App(), Page(), getApp()
// and getCurrentPages(), loads a Taro build's dist like the platform would (CommonJS-style require of
// the output files), records every setData and fires taps through Taro's event handler. No vendor
// IDE is needed to see whether a build runs and what it hands the native renderer.
//
// With `my` the host answers like Alipay, whose APIs differ from tt/wx in shape (Alipay's open
// docs, AlipayDocs/open-docs): `my.getStorageSync({ key })` returns `{ data }` (`{ data: null }` when
// nothing is stored) and `my.setStorageSync({ key, data })` takes an object; `my.request` takes
// `headers` and answers `{ status, data, headers }`, and an HTTP error status (4xx, 5xx) is a `fail`
// with `error: 19` (with `status`, `data` and `headers`); a template binds taps as `onTap`;
// `my.tradePay({ tradeNO })` answers `success({ resultCode })` for every outcome of the cashier.
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
 * An AbortController as a mini-program engine's would behave: listeners are called and their return
 * values ignored. (Node's EventTarget rethrows the rejection of a promise a listener returns, which no
 * mini-program engine does: Taro's `requestTask.abort()` returns the request's promise, rejected once
 * the platform reports the abort.)
 */
class HostAbortController {
  constructor() {
    const listeners = new Set()
    const signal = {
      aborted: false,
      reason: undefined,
      onabort: null,
      addEventListener(type, fn) {
        if (type === 'abort') listeners.add(fn)
      },
      removeEventListener(type, fn) {
        if (type === 'abort') listeners.delete(fn)
      },
      throwIfAborted() {
        if (signal.aborted) throw signal.reason
      },
      dispatchEvent: () => true,
    }
    this.signal = signal
    this.abort = (reason) => {
      if (signal.aborted) return
      signal.aborted = true
      signal.reason = reason ?? new Error('This operation was aborted')
      const event = { type: 'abort', target: signal }
      signal.onabort?.(event)
      for (const fn of [...listeners]) fn.call(signal, event)
      listeners.clear()
    }
  }
}

/** The address the host's address picker (`chooseAddress`, Alipay's `my.getAddress`) hands the app. */
export const HOST_ADDRESS = Object.freeze({
  name: '张三',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '西溪路 556 号',
  postalCode: '310013',
})

/** The event attribute a platform's templates bind taps with. */
const TAP_ATTRIBUTE = { tt: 'bindtap', wx: 'bindtap', my: 'onTap' }

/**
 * Loads `dist` (the output of `taro build --type <platform>`) in a fresh context with a fake
 * platform global named `globalName` ('tt', 'wx' or 'my'). `request({ url, method, header, data })`
 * answers the app's network calls with `{ statusCode, data, header }` (the host hands it on in the
 * platform's shape). `cashier(api, options)` answers a cashier call (`tradePay`, …) with its result
 * (or a promise of it); without it, or when it answers undefined, the call is only recorded.
 * `base` is the build's shared template file (base.ttml, base.wxml, base.axml): with it, a tap
 * reaches a node only when the node's template binds taps the platform's way.
 */
export function createMiniHost({ dist, globalName, request, system = {}, cashier, base, authCode }) {
  const alipay = globalName === 'my'
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
  // a cashier call is recorded; `cashier` decides what (if anything) the platform answers
  const pay = (name, options) => {
    cashierCalls.push({ api: name, options })
    Promise.resolve(cashier?.(name, options)).then((result) => {
      if (result !== undefined) callback(options, result)
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
    requestOrder: (options) => pay('requestOrder', options),
    getOrderPayment: (options) => pay('getOrderPayment', options),
    requestPayment: (options) => pay('requestPayment', options),
    // the platform's address picker: the user picks HOST_ADDRESS (tt/wx shape)
    chooseAddress: (options) =>
      callback(options, {
        errMsg: 'chooseAddress:ok',
        userName: HOST_ADDRESS.name,
        telNumber: HOST_ADDRESS.phone,
        provinceName: HOST_ADDRESS.province,
        cityName: HOST_ADDRESS.city,
        countyName: HOST_ADDRESS.district,
        detailInfo: HOST_ADDRESS.detail,
        postalCode: HOST_ADDRESS.postalCode,
      }),
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
  if (alipay) Object.assign(api, alipayApi())
  /** What Alipay's `my` does differently from tt/wx. */
  function alipayApi() {
    return {
      getStorageSync: ({ key }) => ({ data: storage.has(key) ? storage.get(key) : null }),
      setStorageSync: ({ key, data }) => void storage.set(key, data),
      removeStorageSync: ({ key }) => void storage.delete(key),
      request(options) {
        let aborted = false
        const method = options.method ?? 'GET'
        Promise.resolve()
          .then(() =>
            request({ url: options.url, method, header: options.headers ?? {}, data: options.data }),
          )
          .then(
            ({ statusCode, data, header }) => {
              if (aborted) return
              const answer = { status: statusCode, data, headers: header ?? {} }
              if (statusCode >= 400) {
                const failure = { error: 19, errorMessage: 'http status error', ...answer }
                options.fail?.(failure)
                options.complete?.(failure)
                return
              }
              options.success?.(answer)
              options.complete?.(answer)
            },
            (error) => {
              if (aborted) return
              const failure = { error: 12, errorMessage: `network error: ${error?.message ?? error}` }
              options.fail?.(failure)
              options.complete?.(failure)
            },
          )
        return {
          abort() {
            if (aborted) return
            aborted = true
            // the platform answers an aborted request later, through fail
            const failure = { error: 9, errorMessage: 'request:fail abort' }
            queueMicrotask(() => {
              options.fail?.(failure)
              options.complete?.(failure)
            })
          },
        }
      },
      // Alipay's modal and toast APIs (Taro maps showModal to confirm/alert, showToast's title to content)
      confirm: (options) => callback(options, { confirm: true }),
      alert: (options) => callback(options, {}),
      showLoading: (options) => callback(options, {}),
      hideLoading: noop,
      getAuthCode: (options) => callback(options, { authCode: authCode ?? `host-auth-${Date.now()}` }),
      // Alipay's address picker: resultStatus 9000 and the address in `result`, in Alipay's fields
      getAddress: (options) =>
        callback(options, {
          resultStatus: '9000',
          result: {
            fullname: HOST_ADDRESS.name,
            mobilePhone: HOST_ADDRESS.phone,
            prov: HOST_ADDRESS.province,
            city: HOST_ADDRESS.city,
            area: HOST_ADDRESS.district,
            address: `${HOST_ADDRESS.province}${HOST_ADDRESS.city}${HOST_ADDRESS.district}${HOST_ADDRESS.detail}`,
          },
        }),
      chooseAddress: undefined,
      tradePay: (options) => pay('tradePay', options),
      requestPayment: undefined,
      requestOrder: undefined,
      getOrderPayment: undefined,
      SDKVersion: '2.9.0',
    }
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
    AbortController: HostAbortController,
    TextEncoder,
    TextDecoder,
    [globalName]: platform,
    // Alipay's JS engine has a navigator of its own (Taro's alipay runtime reads its userAgent)
    ...(alipay && {
      navigator: { userAgent: 'Mozilla/5.0 (Linux; Android 12) AlipayClient/10.6.0 NodeHost' },
    }),
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
      if (base !== undefined) {
        const template = new RegExp(`<template name="tmpl_0_${node.nn}">\\s*<[\\w-]+ ([^>]*)>`).exec(base)
        const attribute = TAP_ATTRIBUTE[globalName]
        if (!template || !new RegExp(`\\s${attribute}="eh"`).test(` ${template[1]}`))
          throw new Error(
            `node ${id} (template tmpl_0_${node.nn}) does not bind ${attribute}: a tap would not reach it`,
          )
      }
      if (alipay) {
        // Alipay's event: dataset on target and currentTarget, detail with the touch point
        const dataset = { sid: node.sid }
        instance.eh.call(instance, {
          type: 'tap',
          timeStamp: Date.now(),
          target: { id, dataset, targetDataset: dataset },
          currentTarget: { id, dataset },
          detail: { pageX: 0, pageY: 0, clientX: 0, clientY: 0 },
        })
        return
      }
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
