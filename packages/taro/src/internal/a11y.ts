import { isH5 } from './env'

/** What a component says to assistive technology about one element. */
export interface A11y {
  role?: string
  label?: string
  hidden?: boolean
  disabled?: boolean
  busy?: boolean
  checked?: boolean
  live?: 'polite' | 'assertive'
}

/**
 * The accessibility attributes of an element, in the form the platform reads: ARIA attributes on H5
 * (Taro renders HTML there), `ariaRole`/`ariaLabel` props on mini-programs, which Taro passes to
 * the native components' `aria-role`/`aria-label`. One place, so every component says it the same way.
 */
export function a11y(spec: A11y): Record<string, string | undefined> {
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'true' : 'false')
  if (isH5) {
    return {
      role: spec.role,
      'aria-label': spec.label,
      'aria-hidden': spec.hidden ? 'true' : undefined,
      'aria-disabled': spec.disabled ? 'true' : undefined,
      'aria-busy': spec.busy ? 'true' : undefined,
      'aria-checked': flag(spec.checked),
      'aria-live': spec.live,
    }
  }
  return {
    ariaRole: spec.role,
    ariaLabel: spec.label,
    ariaHidden: spec.hidden ? 'true' : undefined,
    ariaDisabled: spec.disabled ? 'true' : undefined,
    ariaBusy: spec.busy ? 'true' : undefined,
    ariaChecked: flag(spec.checked),
    ariaLive: spec.live,
  }
}
