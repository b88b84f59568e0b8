import { describe, expect, it } from 'vitest'
import {
  codewords,
  encodeQr,
  formatBits,
  penalty,
  type QrMatrix,
  reedSolomon,
  utf8,
  versionBits,
} from '../../packages/taro/src/Orders/qr/encodeQr'

// The QR encoder of OrderDetail's verification code, checked against ISO/IEC 18004:2015 (and
// Thonky's QR Code Tutorial, https://www.thonky.com/qr-code-tutorial/, which follows it): the
// worked Reed–Solomon examples, the format and version information tables, the byte capacities,
// the function patterns, and an independent reader below that unmasks a symbol, checks every
// block's Reed–Solomon syndromes and reads the bytes back.

const hex = (values: readonly number[]) => values.map((v) => v.toString(16).padStart(2, '0')).join(' ')

describe('Reed–Solomon codewords', () => {
  it('match ISO/IEC 18004 Annex I: "01234567" as 1-M', () => {
    const data = [
      0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
    ]
    expect(hex(reedSolomon(data, 10))).toBe('a5 24 d4 c1 ed 36 c7 87 2c 55')
  })

  it('match Thonky\'s tutorial: "HELLO WORLD" as 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
  })
})

describe('format and version information', () => {
  it('format bits of level M for each mask are the standard table (Table C.1)', () => {
    const table = [
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ]
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((mask) => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(
      table,
    )
  })

  it('version bits of versions 7–10 are the standard table (Table D.1)', () => {
    expect([7, 8, 9, 10].map((v) => versionBits(v).toString(2).padStart(18, '0'))).toEqual([
      '000111110010010100',
      '001000010110111100',
      '001001101010011001',
      '001010010011010011',
    ])
  })
})

describe('versions', () => {
  it('hold the byte-mode capacities of level M in Table 7 and no more', () => {
    const capacity = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]
    capacity.forEach((bytes, i) => {
      expect(encodeQr('x'.repeat(bytes)).version).toBe(i + 1)
      if (i < 9) expect(encodeQr('x'.repeat(bytes + 1)).version).toBe(i + 2)
    })
    expect(() => encodeQr('x'.repeat(214))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  it('encodes the byte-mode bit stream of 7.4 ("ab" at 1-M: 0100 00000010 01100001 01100010 0000, then pads)', () => {
    const words = codewords(utf8('ab'), 1)
    expect(hex(words.slice(0, 16))).toBe('40 26 16 20 ec 11 ec 11 ec 11 ec 11 ec 11 ec 11')
    expect(words).toHaveLength(26)
  })

  it('writes UTF-8', () => {
    expect(utf8('核销')).toEqual([0xe6, 0xa0, 0xb8, 0xe9, 0x94, 0x80])
    expect(utf8('é😀')).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80])
  })
})

describe('function patterns', () => {
  const m = encodeQr('LAW-2026-8841')
  const at = (x: number, y: number) => m.modules[y]![x]!

  it('has the 7×7 finder patterns with their light separators in three corners', () => {
    const finder = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111']
    for (const [ox, oy] of [
      [0, 0],
      [m.size - 7, 0],
      [0, m.size - 7],
    ] as const) {
      const drawn = finder.map((_, y) => finder.map((__, x) => (at(ox + x, oy + y) ? '1' : '0')).join(''))
      expect(drawn).toEqual(finder)
    }
    for (let i = 0; i < 8; i++) {
      expect(at(7, i)).toBe(false)
      expect(at(i, 7)).toBe(false)
      expect(at(m.size - 8, i)).toBe(false)
      expect(at(i, m.size - 8)).toBe(false)
    }
  })

  it('has alternating timing patterns on row and column 6, and the dark module', () => {
    for (let i = 8; i < m.size - 8; i++) {
      expect(at(i, 6)).toBe(i % 2 === 0)
      expect(at(6, i)).toBe(i % 2 === 0)
    }
    expect(at(8, m.size - 8)).toBe(true)
  })
})

// ---- an independent reader: what a scanner does with a clean symbol

const ALIGN: number[][] = [
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
const BLOCKS: [number, number, number, number][] = [
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

function reserved(version: number): boolean[][] {
  const size = version * 4 + 17
  const r = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const box = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) r[y]![x] = true
  }
  box(0, 0, 9, 9) // finder, separator, format
  box(size - 8, 0, 8, 9)
  box(0, size - 8, 9, 8)
  box(6, 0, 1, size)
  box(0, 6, size, 1)
  const c = ALIGN[version - 1]!
  for (const y of c) for (const x of c) if (!r[y]![x]) box(x - 2, y - 2, 5, 5)
  if (version >= 7) {
    box(size - 11, 0, 3, 6)
    box(0, size - 11, 6, 3)
  }
  return r
}

function syndromesZero(block: number[], ecCount: number): boolean {
  const exp: number[] = []
  const log: number[] = []
  for (let i = 0, x = 1; i < 255; i++) {
    exp[i] = x
    log[x] = i
    x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)
  }
  const mul = (a: number, b: number) => (a && b ? exp[(log[a]! + log[b]!) % 255]! : 0)
  for (let i = 0; i < ecCount; i++) {
    let s = 0
    for (const c of block) s = mul(s, exp[i]!) ^ c // Horner at α^i
    if (s !== 0) return false
  }
  return true
}

function read(m: QrMatrix): string {
  const size = m.size
  const bit = (x: number, y: number) => m.modules[y]![x]!
  let format = 0
  const order: [number, number][] = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ]
  order.forEach(([x, y], i) => {
    if (bit(x, y)) format |= 1 << i
  })
  const table = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0]
  const mask = table.indexOf(format)
  if (mask < 0) throw new Error(`format ${format.toString(2)} is not a level M format`)
  const version = (size - 17) / 4
  const r = reserved(version)
  const masks = [
    (x: number, y: number) => (x + y) % 2 === 0,
    (_x: number, y: number) => y % 2 === 0,
    (x: number) => x % 3 === 0,
    (x: number, y: number) => (x + y) % 3 === 0,
    (x: number, y: number) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
    (x: number, y: number) => ((x * y) % 2) + ((x * y) % 3) === 0,
    (x: number, y: number) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
    (x: number, y: number) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
  ]
  const bits: number[] = []
  let upward = true
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k
      for (const x of [col, col - 1]) if (!r[y]![x]) bits.push(Number(bit(x, y) !== masks[mask]!(x, y)))
    }
    upward = !upward
  }
  const words: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8)
    words.push(bits.slice(i, i + 8).reduce((a, b) => a * 2 + b, 0))
  const [ec, g1, n1, g2] = BLOCKS[version - 1]!
  const blocks = Array.from({ length: g1 + g2 }, (_, b) => new Array<number>(b < g1 ? n1 : n1 + 1))
  let at = 0
  for (let i = 0; i <= n1; i++) for (const block of blocks) if (i < block.length) block[i] = words[at++]!
  const ecBlocks = blocks.map(() => [] as number[])
  for (let i = 0; i < ec; i++) for (const block of ecBlocks) block.push(words[at++]!)
  blocks.forEach((block, b) => {
    if (!syndromesZero([...block, ...ecBlocks[b]!], ec)) throw new Error(`block ${b} fails its syndromes`)
  })
  const data = blocks.flat()
  const stream = data.flatMap((w) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (w >> i) & 1))
  const take = (n: number) => stream.splice(0, n).reduce((a, b) => a * 2 + b, 0)
  if (take(4) !== 0b0100) throw new Error('not byte mode')
  const count = take(version < 10 ? 8 : 16)
  const bytes = Array.from({ length: count }, () => take(8))
  return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))
}

describe('a symbol reads back', () => {
  it.each([
    ['LAW-2026-8841', 1],
    ['https://example.com/verify?code=LAW-2026-8841&order=TK20261204006', 5],
    ['核销码：服务 30 分钟，商家扫码核销', 4],
    ['V'.repeat(120), 7],
    ['W'.repeat(150), 8],
    ['Z'.repeat(200), 10],
  ])('%s (version %i)', (text, version) => {
    const symbol = encodeQr(text)
    expect(symbol.version).toBe(version)
    expect(symbol.size).toBe(version * 4 + 17)
    expect(read(symbol)).toBe(text)
  })

  it('reads back under every mask, and picks the mask with the lowest penalty', () => {
    for (let mask = 0; mask < 8; mask++) {
      const forced = encodeQr('TK20261204006', mask)
      expect(forced.mask).toBe(mask)
      expect(read(forced)).toBe('TK20261204006')
    }
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr('TK20261204006', mask).modules))
    const chosen = encodeQr('TK20261204006')
    expect(penalty(chosen.modules)).toBe(Math.min(...scores))
    expect(chosen.mask).toBe(scores.indexOf(Math.min(...scores)))
  })

  it('scores the penalty rules of 7.8.3 (N1 runs, N2 blocks, N3 finder-like, N4 balance)', () => {
    // a 5×5 all-light square: N1 = 10 runs of 5 × 3, N2 = 16 blocks × 3, N4 = 10 × 10 (0% dark)
    const light = Array.from({ length: 5 }, () => new Array<boolean>(5).fill(false))
    expect(penalty(light)).toBe(30 + 48 + 100)
    // a checkerboard: no runs, no blocks, about half dark (13 of 25: k = 0)
    const checker = Array.from({ length: 5 }, (_, y) =>
      Array.from({ length: 5 }, (_, x) => (x + y) % 2 === 0),
    )
    expect(penalty(checker)).toBe(0)
  })

  it('is deterministic', () => {
    expect(encodeQr('LAW-2026-8841')).toEqual(encodeQr('LAW-2026-8841'))
  })
})
