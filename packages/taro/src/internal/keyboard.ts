import { isH5 } from './env'

/**
 * Keyboard activation for a pressable View on H5, where Taro renders HTML and a `div` is neither
 * focusable nor pressed by Enter or Space. Mini-programs have no keyboard: no props there.
 */
export function pressKeys(press: () => void, disabled = false): Record<string, unknown> {
  if (!isH5) return {}
  return {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event: { key: string; preventDefault(): void }) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        if (!disabled) press()
      }
    },
  }
}

const NEXT_KEYS: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
}

/**
 * A tab list or radio group on H5 as one stop of the Tab key (WAI-ARIA's "active descendant"
 * pattern): the group is focusable and names its current choice with `aria-activedescendant`; the
 * arrow keys choose the next or previous enabled choice (wrapping), Home and End the first and last,
 * Enter and Space the current one when nothing is chosen yet. The choices keep their role, their
 * `id` and their taps, and leave the tab order. No focus moves, so no DOM is touched; mini-programs
 * have no keyboard and get no props.
 *
 * @param ids the choices' element ids, in order
 * @param active the index of the chosen (or, when none is, the first enabled) choice
 * @param enabled whether choice `i` may be chosen
 * @param choose chooses choice `i`
 */
export function groupKeys(
  ids: readonly string[],
  active: number,
  enabled: (i: number) => boolean,
  choose: (i: number) => void,
): Record<string, unknown> {
  if (!isH5) return {}
  const step = (from: number, by: number) => {
    for (let n = 1; n <= ids.length; n++) {
      const i = (((from + by * n) % ids.length) + ids.length) % ids.length
      if (enabled(i)) return i
    }
    return -1
  }
  return {
    tabIndex: 0,
    'aria-activedescendant': ids[active],
    onKeyDown: (event: { key: string; preventDefault(): void }) => {
      const by = NEXT_KEYS[event.key]
      const to =
        by !== undefined
          ? step(active, by)
          : event.key === 'Home'
            ? step(-1, 1)
            : event.key === 'End'
              ? step(ids.length, -1)
              : event.key === 'Enter' || event.key === ' '
                ? active
                : -2
      if (to === -2) return
      event.preventDefault()
      if (to >= 0 && enabled(to)) choose(to)
    },
  }
}
