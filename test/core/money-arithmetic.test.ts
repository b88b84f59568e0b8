import {
  addMoney,
  allocateMoney,
  BASIS_POINTS,
  compareMoney,
  equalMoney,
  formatMoney,
  isZeroMoney,
  type Money,
  maxMoney,
  minMoney,
  money,
  multiplyMoney,
  parseMoney,
  percentOfMoney,
  type Rounding,
  subtractMoney,
  sumMoney,
} from '@tradekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeOf } from './codeOf'

const fake = (amount: unknown, currency: unknown = 'CNY') => ({ amount, currency }) as unknown as Money

describe('addMoney / subtractMoney / multiplyMoney', () => {
  it('adds, subtracts and multiplies by an integer in minor units', () => {
    expect(addMoney(money(1250), money(750))).toEqual(money(2000))
    expect(subtractMoney(money(1250), money(2000))).toEqual(money(-750))
    expect(multiplyMoney(money(1250), 3)).toEqual(money(3750))
    expect(multiplyMoney(money(1250), -2)).toEqual(money(-2500))
    expect(Object.isFrozen(addMoney(money(1), money(2)))).toBe(true)
  })

  it('returns positive zero, never -0', () => {
    expect(Object.is(multiplyMoney(money(5), 0).amount, 0)).toBe(true)
    expect(Object.is(multiplyMoney(money(-5), 0).amount, 0)).toBe(true)
  })

  it.each([
    ['a float amount', () => addMoney(fake(1.5), money(1)), 'INVALID_AMOUNT'],
    ['NaN', () => subtractMoney(money(1), fake(Number.NaN)), 'INVALID_AMOUNT'],
    ['Infinity', () => multiplyMoney(fake(Number.POSITIVE_INFINITY), 2), 'INVALID_AMOUNT'],
    ['an unsafe integer', () => addMoney(fake(2 ** 53), money(1)), 'INVALID_AMOUNT'],
    ['a string amount', () => addMoney(fake('100'), money(1)), 'INVALID_AMOUNT'],
    ['a string instead of money', () => addMoney('100' as unknown as Money, money(1)), 'INVALID_AMOUNT'],
    ['null instead of money', () => compareMoney(null as unknown as Money, money(1)), 'INVALID_AMOUNT'],
    [
      'a sum beyond the safe range',
      () => addMoney(money(Number.MAX_SAFE_INTEGER), money(1)),
      'INVALID_AMOUNT',
    ],
    [
      'a difference beyond the safe range',
      () => subtractMoney(money(-(2 ** 53) + 1), money(1)),
      'INVALID_AMOUNT',
    ],
    ['a product beyond the safe range', () => multiplyMoney(money(2 ** 40), 2 ** 20), 'INVALID_AMOUNT'],
    ['a float factor', () => multiplyMoney(money(100), 1.5), 'INVALID_ARGUMENT'],
    ['a NaN factor', () => multiplyMoney(money(100), Number.NaN), 'INVALID_ARGUMENT'],
    ['mixed currencies in add', () => addMoney(money(1), money(1, 'USD')), 'CURRENCY_MISMATCH'],
    ['mixed currencies in subtract', () => subtractMoney(money(1), money(1, 'JPY')), 'CURRENCY_MISMATCH'],
    ['mixed currencies in compare', () => compareMoney(money(1), money(1, 'HKD')), 'CURRENCY_MISMATCH'],
    ['mixed currencies in min', () => minMoney(money(1), money(1, 'HKD')), 'CURRENCY_MISMATCH'],
    ['mixed currencies in max', () => maxMoney(money(1), money(1, 'HKD')), 'CURRENCY_MISMATCH'],
    ['mixed currencies in sum', () => sumMoney([money(1), money(1, 'USD')]), 'CURRENCY_MISMATCH'],
    ['a float in isZero', () => isZeroMoney(fake(0.5)), 'INVALID_AMOUNT'],
  ])('rejects %s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code)
  })
})

describe('percentOfMoney (basis points, explicit rounding)', () => {
  it.each<[number, number, Rounding, number]>([
    [1999, 1500, 'half-up', 300], // 299.85
    [1999, 1500, 'half-even', 300],
    [1999, 1500, 'floor', 299],
    [1999, 1500, 'ceil', 300],
    [10, 2500, 'half-up', 3], // 2.5
    [10, 2500, 'half-even', 2],
    [30, 2500, 'half-even', 8], // 7.5
    [-10, 2500, 'half-up', -3], // halves away from zero
    [-10, 2500, 'half-even', -2],
    [-10, 2500, 'floor', -3],
    [-10, 2500, 'ceil', -2],
    [-1999, 1500, 'floor', -300],
    [1000, 0, 'half-up', 0],
    [1000, BASIS_POINTS, 'floor', 1000],
    [1000, 15000, 'floor', 1500],
    [Number.MAX_SAFE_INTEGER, 1, 'floor', 900719925474], // exact where a float product would not be
  ])('%i × %i bp rounded %s is %i', (amount, bp, rounding, expected) => {
    expect(percentOfMoney(money(amount), bp, rounding)).toEqual(money(expected))
  })

  it('rejects fractional or negative basis points and unknown roundings', () => {
    expect(codeOf(() => percentOfMoney(money(100), 12.5, 'floor'))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => percentOfMoney(money(100), -100, 'floor'))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => percentOfMoney(money(100), 100, 'round' as Rounding))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => percentOfMoney(fake(1.5), 100, 'floor'))).toBe('INVALID_AMOUNT')
  })

  it('matches exact rational rounding for any amount and rate', () => {
    // reference: BigInt floor division, then the rule applied to the exact remainder
    const reference = (amount: number, bp: number, rounding: Rounding): number => {
      const product = BigInt(amount) * BigInt(bp)
      let floor = product / 10000n
      if (product % 10000n !== 0n && product < 0n) floor -= 1n
      const rest = product - floor * 10000n // 0 ≤ rest < 10000
      if (rest === 0n) return Number(floor)
      if (rounding === 'floor') return Number(floor)
      if (rounding === 'ceil') return Number(floor + 1n)
      if (rest * 2n > 10000n) return Number(floor + 1n)
      if (rest * 2n < 10000n) return Number(floor)
      if (rounding === 'half-up') return Number(product < 0n ? floor : floor + 1n)
      return Number(floor % 2n === 0n ? floor : floor + 1n)
    }
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.constantFrom(2500, 5000, 7500)),
        fc.constantFrom<Rounding>('half-up', 'half-even', 'floor', 'ceil'),
        (amount, bp, rounding) => {
          expect(percentOfMoney(money(amount), bp, rounding).amount).toBe(reference(amount, bp, rounding))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('allocateMoney (largest remainder)', () => {
  it.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [7000, 3000], [700, 300]],
    [5, [1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0, 0]],
    [100, [0, 1], [0, 100]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [101, [50, 30, 20], [51, 30, 20]],
    [7, [3, 3, 1], [3, 3, 1]],
    [10, [1, 2, 3, 4], [1, 2, 3, 4]],
    [5, [1, 3], [1, 4]], // 1.25 / 3.75: the larger remainder gets the unit
    [2, [1, 3], [1, 1]], // 0.5 / 1.5: equal remainders, the earlier part wins
    [0, [1, 2], [0, 0]],
  ])('splits %i by %o into %o', (amount, ratios, parts) => {
    expect(allocateMoney(money(amount), ratios)).toEqual(parts.map((part) => money(part)))
  })

  it('stays exact with ratios whose product with the amount passes 2^53', () => {
    const parts = allocateMoney(money(123_456_789_012), [100_000_000_000, 300_000_000_001])
    expect(parts[0]!.amount + parts[1]!.amount).toBe(123_456_789_012)
    // exact shares 30 864 197 252.92 and 92 592 591 759.08: the larger remainder gets the unit
    expect(parts.map((part) => part.amount)).toEqual([30_864_197_253, 92_592_591_759])
  })

  it.each([
    ['no ratios', []],
    ['only zero ratios', [0, 0]],
    ['a negative ratio', [1, -1]],
    ['a float ratio', [0.5, 0.5]],
    ['a NaN ratio', [Number.NaN]],
  ])('rejects %s', (_name, ratios) => {
    expect(codeOf(() => allocateMoney(money(100), ratios))).toBe('INVALID_ARGUMENT')
  })

  it('always sums to the whole, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        (amount, ratios) => {
          fc.pre(ratios.some((ratio) => ratio > 0))
          const parts = allocateMoney(money(amount), ratios)
          expect(parts).toHaveLength(ratios.length)
          expect(parts.reduce((sum, part) => sum + part.amount, 0)).toBe(amount)
          const total = ratios.reduce((a, b) => a + b, 0)
          parts.forEach((part, index) => {
            const exact = (amount * ratios[index]!) / total
            expect(Math.abs(part.amount - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact) + 1e-9)
            if (ratios[index] === 0) expect(part.amount).toBe(0)
          })
        },
      ),
    )
  })
})

describe('compare, min, max, isZero, equal, sum', () => {
  it('orders amounts of one currency', () => {
    expect(compareMoney(money(1), money(2))).toBe(-1)
    expect(compareMoney(money(2), money(2))).toBe(0)
    expect(compareMoney(money(3), money(2))).toBe(1)
    expect([money(3), money(-1), money(2)].sort(compareMoney)).toEqual([money(-1), money(2), money(3)])
  })

  it('picks min and max, the first on a tie', () => {
    const a = money(100)
    const b = money(100)
    expect(minMoney(money(300), money(100), money(200))).toEqual(money(100))
    expect(maxMoney(money(300), money(100), money(200))).toEqual(money(300))
    expect(minMoney(a, b)).toBe(a)
    expect(maxMoney(a, b)).toBe(a)
    expect(minMoney(a)).toBe(a)
  })

  it('knows zero, equality and sums', () => {
    expect(isZeroMoney(money(0, 'JPY'))).toBe(true)
    expect(isZeroMoney(money(-1))).toBe(false)
    expect(equalMoney(money(1), money(1))).toBe(true)
    expect(equalMoney(money(1), money(1, 'USD'))).toBe(false)
    expect(sumMoney([money(100), money(250)])).toEqual(money(350))
    expect(sumMoney([], 'USD')).toEqual(money(0, 'USD'))
  })
})

const arbMoney = (currency = 'CNY') =>
  fc.integer({ min: -(2 ** 50), max: 2 ** 50 }).map((amount) => money(amount, currency))

describe('money properties', () => {
  it('subtract undoes add', () => {
    fc.assert(
      fc.property(arbMoney(), arbMoney(), (a, b) => {
        expect(subtractMoney(addMoney(a, b), b)).toEqual(a)
        expect(addMoney(subtractMoney(a, b), b)).toEqual(a)
      }),
    )
  })

  it('add is commutative and associative', () => {
    fc.assert(
      fc.property(arbMoney(), arbMoney(), arbMoney(), (a, b, c) => {
        expect(addMoney(a, b)).toEqual(addMoney(b, a))
        expect(addMoney(addMoney(a, b), c)).toEqual(addMoney(a, addMoney(b, c)))
      }),
    )
  })

  it('multiply distributes over add', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1000, max: 1000 }),
        (a, b, k) => {
          expect(multiplyMoney(addMoney(money(a), money(b)), k)).toEqual(
            addMoney(multiplyMoney(money(a), k), multiplyMoney(money(b), k)),
          )
        },
      ),
    )
  })

  it('compare agrees with subtract', () => {
    fc.assert(
      fc.property(arbMoney(), arbMoney(), (a, b) => {
        expect(compareMoney(a, b)).toBe(Math.sign(subtractMoney(a, b).amount))
      }),
    )
  })
})

describe('parseMoney and the formatting round trip', () => {
  it.each<[string, string, number]>([
    ['¥1,234.50', 'CNY', 123450],
    ['-¥19.99', 'CNY', -1999],
    ['¥12', 'CNY', 1200],
    ['12.5', 'CNY', 1250],
    ['  0.05 ', 'CNY', 5],
    ['$9.99', 'USD', 999],
    ['HK$1,000.00', 'HKD', 100000],
    ['JP¥1,500', 'JPY', 1500],
    ['EUR 15.00', 'EUR', 1500],
    ['CNY 3.00', 'CNY', 300],
  ])('reads %s in %s', (text, currency, amount) => {
    expect(parseMoney(text, currency)).toEqual(money(amount, currency))
  })

  it.each([
    ['more fraction digits than the currency has', '12.505'],
    ['a fraction on yen', 'JP¥1.5', 'JPY'],
    ['misplaced grouping', '1,23.00'],
    ['letters', '12a'],
    ['an empty string', ''],
    ['a lone sign', '-'],
    ['a number beyond the safe range', '99999999999999999'],
    ['another currency symbol', '$1.00'],
    ['a number instead of text', 12 as unknown as string],
  ])('refuses %s', (_name, text, currency = 'CNY') => {
    expect(codeOf(() => parseMoney(text, currency))).toBe('INVALID_AMOUNT')
  })

  it('reads back whatever formatMoney writes, in every locale and option', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.constantFrom('CNY', 'USD', 'HKD', 'JPY', 'EUR'),
        fc.constantFrom('zh-CN' as const, 'en-US' as const),
        fc.boolean(),
        fc.boolean(),
        (amount, currency, locale, trimZeros, grouping) => {
          const value = money(amount, currency)
          expect(parseMoney(formatMoney(value, { locale, trimZeros, grouping }), currency)).toEqual(value)
        },
      ),
    )
  })
})

describe('formatMoney conventions', () => {
  it.each<[Money, Parameters<typeof formatMoney>[1], string]>([
    [money(123450), { locale: 'en-US' }, '¥1,234.50'],
    [money(-123450, 'USD'), { locale: 'en-US' }, '-$1,234.50'],
    [money(-5, 'JPY'), { trimZeros: true }, '-JP¥5'],
    [money(100, 'JPY'), {}, 'JP¥100'],
    [money(100000), { trimZeros: true, locale: 'en-US' }, '¥1,000'],
    [money(100005), { trimZeros: true }, '¥1,000.05'],
    [money(99), {}, '¥0.99'],
  ])('writes %o with %o as %s', (value, options, expected) => {
    expect(formatMoney(value, options)).toBe(expected)
  })
})
