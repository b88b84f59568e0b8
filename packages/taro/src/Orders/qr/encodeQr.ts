import { TradeKitError } from '@tradekit/core'

// A small QR Code encoder after ISO/IEC 18004:2015 — byte mode, error correction level M, versions
// 1–10 — enough for a verification code. The layout follows the standard's sections: 7.4 data
// encoding, 7.5 Reed–Solomon error correction over GF(2^8) (x^8+x^4+x^3+x^2+1), 7.6 interleaving,
// 7.7 codeword placement, 7.8 masking with the penalty rules N1–N4, 7.9 format and 7.10 version
// information. No runtime dependency.

/** A QR symbol: `modules[row][column]`, true for dark; `size` modules a side (quiet zone not included). */
export interface QrMatrix {
  readonly version: number
  readonly size: number
  readonly mask: number
  readonly modules: readonly (readonly boolean[])[]
}

// level M (ISO/IEC 18004 Table 9): [EC codewords per block, blocks in group 1, data codewords
// per block of group 1, blocks in group 2 (one more data codeword each)], by version
const BLOCKS_M: readonly (readonly [number, number, number, number])[] = [
  [10, 1, 16, 0],
  [16, 1, 28, 0],
  [26, 1, 44, 0],
  [18, 2, 32, 0],
  [24, 2, 43, 0],
  [16, 4, 27, 0],
  [18, 4, 31, 0],
  [22, 2, 38, 2],
  [22, 3, 36, 2],
  [26, 4, 43, 1],
]
// alignment pattern centres (Annex E)
const ALIGN: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
]
/** The highest version this encoder makes. */
export const QR_MAX_VERSION = 10

/** UTF-8 bytes of a string, without TextEncoder (mini-program engines may lack it). */
export function utf8(text: string): number[] {
  const out: number[] = []
  for (const char of text) {
    const c = char.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

// GF(256) log and antilog tables
const EXP = new Array<number>(512)
const LOG = new Array<number>(256)
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x
  LOG[x] = i
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!)

/** The `count` error correction codewords of `data` (remainder of data·x^count by the generator). */
export function reedSolomon(data: readonly number[], count: number): number[] {
  // generator polynomial ∏ (x − α^i), i < count; coefficients highest degree first, leading 1 dropped
  let gen = [1]
  for (let i = 0; i < count; i++) {
    const next = new Array<number>(gen.length + 1).fill(0)
    for (let j = 0; j < gen.length; j++) {
      next[j] = next[j]! ^ gen[j]!
      next[j + 1] = next[j + 1]! ^ mul(gen[j]!, EXP[i]!)
    }
    gen = next
  }
  const rem = new Array<number>(count).fill(0)
  for (const byte of data) {
    const factor = byte ^ rem.shift()!
    rem.push(0)
    for (let j = 0; j < count; j++) rem[j] = rem[j]! ^ mul(gen[j + 1]!, factor)
  }
  return rem
}

/** The 15 format bits of level M and `mask` (BCH(15,5), XOR 101010000010010). */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask // level M is 00
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  return ((data << 10) | rem) ^ 0x5412
}

/** The 18 version bits of a version ≥ 7 (BCH(18,6)). */
export function versionBits(version: number): number {
  let rem = version
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
  return (version << 12) | rem
}

function dataCodewords(version: number): number {
  const [, g1, n1, g2] = BLOCKS_M[version - 1]!
  return g1 * n1 + g2 * (n1 + 1)
}

/** The data and error correction codewords of `bytes` at `version`, interleaved (7.4–7.6). */
export function codewords(bytes: readonly number[], version: number): number[] {
  const capacity = dataCodewords(version)
  const bits: number[] = []
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  put(0b0100, 4)
  put(bytes.length, version < 10 ? 8 : 16)
  for (const byte of bytes) put(byte, 8)
  put(0, Math.min(4, capacity * 8 - bits.length))
  put(0, (8 - (bits.length % 8)) % 8)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad)
  const [ecCount, g1, n1, g2] = BLOCKS_M[version - 1]!
  const blocks: number[][] = []
  for (let b = 0, at = 0; b < g1 + g2; b++) {
    const length = b < g1 ? n1 : n1 + 1
    blocks.push(data.slice(at, at + length))
    at += length
  }
  const ec = blocks.map((block) => reedSolomon(block, ecCount))
  const out: number[] = []
  for (let i = 0; i <= n1; i++) for (const block of blocks) if (i < block.length) out.push(block[i]!)
  for (let i = 0; i < ecCount; i++) for (const block of ec) out.push(block[i]!)
  return out
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

/** A symbol with its function patterns drawn and the codewords placed, before masking (7.7). */
function layout(version: number, words: readonly number[]) {
  const size = version * 4 + 17
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const set = (x: number, y: number, on: boolean) => {
    dark[y]![x] = on
    fixed[y]![x] = true
  }
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0)
    set(i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4)
      }
  }
  const centres = ALIGN[version - 1]!
  for (const cy of centres)
    for (const cx of centres) {
      if (fixed[cy]![cx]) continue // overlaps a finder pattern
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
    }
  drawFormat(set, size, 0) // reserve the format areas (drawn again once the mask is chosen)
  if (version >= 7) {
    const bits = versionBits(version)
    for (let i = 0; i < 18; i++) {
      const on = ((bits >>> i) & 1) === 1
      set(size - 11 + (i % 3), Math.floor(i / 3), on)
      set(Math.floor(i / 3), size - 11 + (i % 3), on)
    }
  }
  let i = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert
        if (!fixed[y]![x] && i < words.length * 8) {
          dark[y]![x] = ((words[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1
          i++
        }
      }
  }
  return { size, dark, fixed }
}

function drawFormat(set: (x: number, y: number, on: boolean) => void, size: number, mask: number) {
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  for (let i = 0; i <= 5; i++) set(8, i, bit(i))
  set(8, 7, bit(6))
  set(8, 8, bit(7))
  set(7, 8, bit(8))
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i))
  set(8, size - 8, true) // the dark module
}

/** The penalty score of a masked symbol (7.8.3: N1 = 3, N2 = 3, N3 = 40, N4 = 10). */
export function penalty(m: readonly (readonly boolean[])[]): number {
  const size = m.length
  let score = 0
  let darkCount = 0
  const finderLike = (line: boolean[]) => {
    const text = line.map((on) => (on ? '1' : '0')).join('')
    let found = 0
    for (const pattern of ['10111010000', '00001011101'])
      for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found++
    return found
  }
  for (let pass = 0; pass < 2; pass++)
    for (let a = 0; a < size; a++) {
      const line: boolean[] = []
      for (let b = 0; b < size; b++) line.push(pass === 0 ? m[a]![b]! : m[b]![a]!)
      let run = 1
      for (let b = 1; b <= size; b++) {
        if (b < size && line[b] === line[b - 1]) run++
        else {
          if (run >= 5) score += 3 + (run - 5)
          run = 1
        }
      }
      score += 40 * finderLike(line)
    }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (m[y]![x]) darkCount++
      const c = m[y]![x]
      if (x < size - 1 && y < size - 1 && c === m[y]![x + 1] && c === m[y + 1]![x] && c === m[y + 1]![x + 1])
        score += 3
    }
  const total = size * size
  return score + 10 * Math.floor(Math.abs(darkCount * 20 - total * 10) / total)
}

/**
 * Encodes `text` (UTF-8, byte mode) as a QR symbol at level M in the smallest version 1–10 that
 * holds it, with the mask of the lowest penalty (or `forceMask`).
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when the text does not fit version 10-M (213 bytes)
 * @example
 * ```ts
 * encodeQr('LAW-2026-8841').size // 21
 * ```
 */
export function encodeQr(text: string, forceMask?: number): QrMatrix {
  const bytes = utf8(text)
  let version = 1
  while (
    version <= QR_MAX_VERSION &&
    4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(version) * 8
  )
    version++
  if (version > QR_MAX_VERSION) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `${bytes.length} bytes do not fit a version ${QR_MAX_VERSION}-M QR code`
        : undefined,
    )
  }
  const { size, dark, fixed } = layout(version, codewords(bytes, version))
  let best: { mask: number; modules: boolean[][]; score: number } | undefined
  for (let mask = 0; mask < 8; mask++) {
    if (forceMask !== undefined && mask !== forceMask) continue
    const modules = dark.map((row, y) => row.map((on, x) => (fixed[y]![x] ? on : on !== MASKS[mask]!(x, y))))
    drawFormat((x, y, on) => (modules[y]![x] = on), size, mask)
    const score = penalty(modules)
    if (!best || score < best.score) best = { mask, modules, score }
  }
  return { version, size, mask: best!.mask, modules: best!.modules }
}
