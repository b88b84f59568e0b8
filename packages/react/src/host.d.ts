// What @tradekit/react needs from the host beyond React and the DOM lib, declared by hand because the
// package type-checks without Node types (tsconfig.json `types: []`). Merges with @types/node's
// declaration where a program has both (the root typecheck). Nothing here ships.

/**
 * Build-time values, not a runtime object: bundlers (Taro's webpack, Vite, esbuild) replace
 * `process.env.NODE_ENV`, written out in full, with a string, as React itself needs.
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
