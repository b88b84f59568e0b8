import { describe, expect, it } from 'vitest'
import { faultReplay, faultRuns } from './faultModel'

// The fault models' switches: a mistyped variable must never make a run of nothing pass, and a
// failure's seed and path must replay it.

describe('faultRuns', () => {
  it('takes a positive integer from the environment, else keeps the default', () => {
    expect(faultRuns('100000', 2000)).toBe(100_000)
    for (const typo of [undefined, '', '0', '-5', '1e3x', '2.5', 'many'])
      expect(faultRuns(typo, 2000)).toBe(2000)
  })
})

describe('faultReplay', () => {
  it("passes fast-check a failure's seed and path, and stops at that failure", () => {
    expect(faultReplay('-1200371396', '1473:2:1')).toEqual({
      seed: -1200371396,
      path: '1473:2:1',
      endOnFailure: true,
    })
    // a seed alone runs the same scenarios again, shrinking the one that fails
    expect(faultReplay('42', undefined)).toEqual({ seed: 42 })
  })

  it('replays nothing without a seed that is an integer', () => {
    for (const seed of [undefined, '', 'abc', '1.5']) expect(faultReplay(seed, '3:1')).toEqual({})
  })
})
