// Counts which components render during an update without wrapping any of them (a wrapper would
// change what is measured: memo boundaries, element identity). React's development build sets the
// hooks dispatcher at the start of every function component's render, with the fiber being
// rendered as the current owner; a setter on the dispatcher slot records that fiber.
//
// Development build only (vitest runs React with NODE_ENV=test). Class components are not counted
// (neither TradeKit nor the NutUI components used here have any).
import * as React from 'react'

interface Fiber {
  tag: number
  type: unknown
  return: Fiber | null
  alternate: Fiber | null
}

interface Dispatcher {
  useState: unknown
  useEffect: unknown
}

const internals = (
  React as unknown as {
    __SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED: {
      ReactCurrentDispatcher: { current: Dispatcher | null }
      ReactCurrentOwner: { current: Fiber | null }
    }
  }
).__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED

// fiber tags of components that render through hooks: function, indeterminate (first render),
// forwardRef, simple memo
const RENDERING_TAGS = new Set([0, 2, 11, 15])

const COMMIT = null
let recording: (Fiber | typeof COMMIT)[] | null = null
let dispatcher = internals.ReactCurrentDispatcher.current
let inComponent = false
Object.defineProperty(internals.ReactCurrentDispatcher, 'current', {
  configurable: true,
  get: () => dispatcher,
  set(value: Dispatcher | null) {
    dispatcher = value
    // the "outside a component" dispatcher throws from every hook: one function for all of them
    const real = value !== null && value.useState !== value.useEffect
    // a render starts when a real dispatcher follows the outside one (nested-hook and re-render
    // dispatchers follow a real one: same render)
    const owner = internals.ReactCurrentOwner.current
    if (recording && real && !inComponent && owner && RENDERING_TAGS.has(owner.tag)) recording.push(owner)
    inComponent = real
  },
})

function nameOf(type: unknown): string {
  if (typeof type === 'function') {
    const fn = type as { displayName?: string; name?: string }
    return fn.displayName || fn.name || 'Anonymous'
  }
  if (type && typeof type === 'object') {
    const wrapper = type as { displayName?: string; render?: unknown; type?: unknown }
    return wrapper.displayName || nameOf(wrapper.render ?? wrapper.type)
  }
  return String(type)
}

/** Call from a Profiler's onRender: separates the renders of one commit from the next one's. */
export function markCommit(): void {
  recording?.push(COMMIT)
}

export interface RenderCount {
  /** Component renders (function calls), Taro's View/Text/… included, over every commit. */
  renders: number
  /** Distinct components that rendered. */
  components: number
  /** Components that rendered while the component above them did not: what the update woke up. */
  roots: string[]
  /** The same, commit by commit. */
  rootsByCommit: string[][]
  /** Rendered components by name. */
  byName: Map<string, number>
}

/** Runs `update` and reports the components that rendered during it. */
export async function countRenders(update: () => Promise<void> | void): Promise<RenderCount> {
  const recorded: (Fiber | typeof COMMIT)[] = []
  recording = recorded
  try {
    await update()
  } finally {
    recording = null
  }
  const calls = recorded.filter((entry): entry is Fiber => entry !== COMMIT)
  const fibers = new Set(calls)
  const renderedFiber = (fiber: Fiber) =>
    fibers.has(fiber) || (fiber.alternate !== null && fibers.has(fiber.alternate))
  const distinct = new Set<Fiber>()
  for (const fiber of calls) if (!(fiber.alternate && distinct.has(fiber.alternate))) distinct.add(fiber)
  const byName = new Map<string, number>()
  const roots: string[] = []
  const rootsByCommit: string[][] = [[]]
  for (const fiber of recorded) {
    if (fiber === COMMIT) {
      rootsByCommit.push([])
      continue
    }
    const name = nameOf(fiber.type)
    byName.set(name, (byName.get(name) ?? 0) + 1)
    let parent = fiber.return
    while (parent && !RENDERING_TAGS.has(parent.tag) && parent.tag !== 1) parent = parent.return
    if (!parent || !renderedFiber(parent)) {
      roots.push(name)
      rootsByCommit.at(-1)!.push(name)
    }
  }
  return {
    renders: calls.length,
    components: distinct.size,
    roots: roots.sort(),
    rootsByCommit: rootsByCommit.filter((commit) => commit.length > 0),
    byName,
  }
}
