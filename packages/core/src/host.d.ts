// What @tradekit/core needs from the host, declared by hand because mini-program engines are not
// browsers: core type-checks against ES2020 without the DOM lib (packages/core/tsconfig.json), so
// it can use only what is declared here. Each declaration is the same as lib.dom's and
// @types/node's, or merges with theirs, so a program that also has those (the root typecheck, an
// app compiling core's sources) sees one type. Nothing here ships: the built .d.ts names
// `AbortSignal`, which the app's own lib declares.

/**
 * Error's `cause` option (ES2022), as lib.es2022.error declares it: an engine without it ignores the
 * argument, and TradeKitError then sets `cause` itself.
 */
interface ErrorOptions {
  cause?: unknown
}
interface ErrorConstructor {
  new (message?: string, options?: ErrorOptions): Error
  (message?: string, options?: ErrorOptions): Error
}
interface Error {
  cause?: unknown
}

/** Timers. A handle is a number in mini-program engines and browsers. */
declare function setTimeout(callback: () => void, ms?: number): number
declare function clearTimeout(id: number | undefined): void

/** Development warnings and errors nobody could catch. */
interface Console {
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
}
declare var console: Console

/** The part of AbortSignal core uses: public API types take one (`{ signal: AbortSignal }`). */
interface AbortSignal {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** Some engines have none: core checks `typeof AbortController` and falls back. */
interface AbortController {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}
declare var AbortController: { prototype: AbortController; new (): AbortController }

/**
 * Build-time values, not a runtime object: bundlers (Taro's webpack, Vite, esbuild) replace
 * `process.env.NODE_ENV` and `process.env.TARO_ENV`, each written out in full, with a string, and
 * React needs the first replaced too. Declared the way @types/node declares them, so the two merge.
 */
declare namespace NodeJS {
  interface ProcessEnv {
    [key: string]: string | undefined
  }
  interface Process {
    env: ProcessEnv
  }
}
declare var process: NodeJS.Process
