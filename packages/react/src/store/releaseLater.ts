/** A store a provider makes and must dispose when it is replaced or unmounted. */
export interface Disposable {
  dispose(): void
}

const disposals = new WeakMap<Disposable, ReturnType<typeof setTimeout>>()

/**
 * Disposes `resource` on the next tick unless {@link hold} takes it back first: StrictMode runs an
 * effect's cleanup and the effect again at once, and a store must survive that, while a store that
 * was really replaced or unmounted must not stay alive (timers, listeners, requests in flight).
 */
export function releaseLater(resource: Disposable): void {
  disposals.set(
    resource,
    setTimeout(() => {
      disposals.delete(resource)
      resource.dispose()
    }, 0),
  )
}

/** Takes back a resource released by {@link releaseLater} in the same tick (an effect that ran again). */
export function hold(resource: Disposable): void {
  const pending = disposals.get(resource)
  if (pending === undefined) return
  clearTimeout(pending)
  disposals.delete(resource)
}
