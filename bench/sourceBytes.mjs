// Minified bytes of an esbuild output per original source file, read from its source map.
import { relative, resolve } from 'node:path'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The numbers of one source-map segment (base64 VLQ). */
function decodeSegment(segment) {
  const values = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/**
 * Minified bytes of the output per original source file (path relative to `repoDir`; the map's
 * sources are relative to `outdir`): each mapped segment counts up to the next segment. esbuild
 * chains the source maps of dist/, so the sources are TradeKit's .ts files.
 */
export function bytesBySource(map, outdir, repoDir) {
  const bytes = new Map()
  let source = 0
  map.mappings.split(';').forEach((line) => {
    const segments = line ? line.split(',').map(decodeSegment) : []
    segments.forEach((fields, index) => {
      if (fields.length < 4) return
      source += fields[1]
      // the last segment of a line is left out: what follows it (an export clause) is esbuild's
      const next = segments[index + 1]
      if (!next) return
      const path = relative(repoDir, resolve(outdir, map.sources[source]))
      bytes.set(path, (bytes.get(path) ?? 0) + next[0])
    })
  })
  return bytes
}
