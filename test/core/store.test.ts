import { describe, expect, it, vi } from 'vitest'
import { createStore } from '../../packages/core/src/store/createStore'

describe('createStore', () => {
  it('tells every listener of a new snapshot, and nobody of the same one', () => {
    const store = createStore({ n: 0 })
    const seen: number[] = []
    store.subscribe((s) => seen.push(s.n))
    const same = store.getSnapshot()
    store.set(same)
    store.set({ n: 1 })
    expect(seen).toEqual([1])
    expect(store.getSnapshot()).toEqual({ n: 1 })
  })

  it('a throwing listener stops neither the others nor the change; its error comes later', () => {
    vi.useFakeTimers()
    try {
      const store = createStore(0)
      const other = vi.fn()
      store.subscribe(() => {
        throw new Error('listener bug')
      })
      store.subscribe(other)
      store.set(1)
      expect(other).toHaveBeenCalledWith(1)
      expect(store.getSnapshot()).toBe(1)
      expect(() => vi.runAllTimers()).toThrow('listener bug')
    } finally {
      vi.useRealTimers()
    }
  })

  it('a listener removed during a change is still told of that change; clear() silences all', () => {
    const store = createStore(0)
    const second = vi.fn()
    let offSecond = () => {}
    store.subscribe(() => offSecond())
    offSecond = store.subscribe(second)
    store.set(1)
    expect(second).toHaveBeenCalledTimes(1)
    store.set(2)
    expect(second).toHaveBeenCalledTimes(1)
    const third = vi.fn()
    store.subscribe(third)
    store.clear()
    store.set(3)
    expect(third).not.toHaveBeenCalled()
  })

  it('refuses a listener that is not a function', () => {
    const store = createStore(0)
    expect(() => store.subscribe(42 as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})
