import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** The files under `dir` whose name passes `test`, sorted: the same list on every machine. */
export function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return filesUnder(path, test)
      return test(entry.name) ? [path] : []
    })
    .sort()
}

/**
 * One tsup entry per source file under `dir`, named by its path (`cart/createCart` →
 * `src/cart/createCart.ts`), in a fixed order. Given a glob, tsup lists the files asynchronously, in
 * an order that changes from build to build, and esbuild's code splitting follows the order of the
 * entries: two builds of the same sources gave different chunks (`@tradekit/core` bundled by an app
 * differed by up to 0.4 KB gzip).
 */
export function entriesUnder(dir: string, test: (name: string) => boolean): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir, test).map((file) => [
      relative(dir, file)
        .split(sep)
        .join('/')
        .replace(/\.tsx?$/, ''),
      file,
    ]),
  )
}
