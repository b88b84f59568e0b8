import { abortedError, onAbort } from './abort'

/**
 * The checkout's clock of visible time: confirmation waits only count while the app is shown, so
 * a user who leaves the app during a payment comes back to a checkout that is still confirming.
 */
export interface VisibleClock {
  /** True while the app is shown. */
  readonly visible: boolean
  /** The app was shown or hidden (from the lifecycle port). */
  setVisible(visible: boolean): void
  /** Resolves when the app is shown (at once if it is); rejects with `ABORTED` on `signal`. */
  whenVisible(signal: AbortSignal): Promise<void>
  /** Waits `ms` of visible time; rejects with `ABORTED` on `signal`. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

/** Creates a {@link VisibleClock}; the app is taken as shown until told otherwise. */
export function createVisibleClock(): VisibleClock {
  let visible = true
  const watchers = new Set<() => void>()

  /** Calls `watch` on every change until `signal` aborts or `done` is called. */
  function track(signal: AbortSignal, reject: (e: unknown) => void, watch: (done: () => void) => () => void) {
    let off = () => {}
    const done = () => {
      watchers.delete(watcher)
      off()
    }
    const watcher = watch(done)
    watchers.add(watcher)
    off = onAbort(signal, () => {
      watchers.delete(watcher)
      reject(abortedError())
    })
    return watcher
  }

  return {
    get visible() {
      return visible
    },
    setVisible(next) {
      if (visible === next) return
      visible = next
      for (const watcher of [...watchers]) watcher()
    },
    whenVisible(signal) {
      if (visible) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        track(signal, reject, (done) => () => {
          if (!visible) return
          done()
          resolve()
        })
      })
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        let remaining = ms
        let startedAt = 0
        let timer: ReturnType<typeof setTimeout> | undefined
        const watcher = track(
          signal,
          (e) => {
            if (timer !== undefined) clearTimeout(timer)
            reject(e)
          },
          (done) => {
            const start = () => {
              startedAt = Date.now()
              timer = setTimeout(
                () => {
                  done()
                  resolve()
                },
                Math.max(0, remaining),
              )
            }
            return () => {
              if (visible && timer === undefined) start()
              else if (!visible && timer !== undefined) {
                clearTimeout(timer)
                timer = undefined
                // never negative: a clock set back would give the wait its hours
                remaining -= Math.max(0, Date.now() - startedAt)
              }
            }
          },
        )
        if (!signal.aborted) watcher()
      })
    },
  }
}
