import { Story } from '@storybook/addon-docs/blocks'

/** A CSF file's exports: its meta (`default`) and its stories. */
type CsfModule = Record<string, unknown>

/**
 * Which stories an "All states" page leaves out: the English twins (the locale toolbar turns every
 * frame to English), flows (their end state needs their play; each flow is its own story), presses of
 * one action (the same card as its state's story), the 200-line lists and a control playground.
 */
const leftOut = (key: string, name: string) =>
  /English$|Flow$|^Press[A-Z]|^TwoHundred|^AnyState$/.test(key) || name.startsWith('Flow')

/** A story export: an object of annotations (a CSF module may also export helpers). */
const isStory = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** "NothingSelected" → "Nothing selected", as Storybook names a story from its export. */
const nameOf = (key: string, story: { name?: unknown }) =>
  typeof story.name === 'string'
    ? story.name
    : key
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`)

/**
 * Every state of a family's components side by side: one phone-width frame (375 px) per story,
 * wrapping, each story rendered by Storybook with its own decorators and args (its cart, its merchant
 * and cashier), titled with its component and name.
 */
export function AllStates({ of }: { of: readonly CsfModule[] }) {
  return (
    <div className="tk-all-states">
      {of.flatMap((csf) => {
        const meta = csf.default as { title?: string } | undefined
        const component = String(meta?.title ?? '')
          .split('/')
          .pop()
        // the stories in their file's order (a CSF module lists its story exports in __namedExportsOrder)
        const order = Array.isArray(csf.__namedExportsOrder)
          ? (csf.__namedExportsOrder as string[])
          : Object.keys(csf)
        return order
          .map((key) => [key, csf[key]] as const)
          .filter(([key, story]) => key !== 'default' && !key.startsWith('__') && isStory(story))
          .map(([key, story]) => ({
            key,
            story: story as { name?: unknown },
            name: nameOf(key, story as object),
          }))
          .filter(({ key, name }) => !leftOut(key, name))
          .map(({ key, story, name }) => (
            <figure key={`${component}-${key}`} className="tk-all-states__state">
              <figcaption>
                <strong>{component}</strong> · {name}
              </figcaption>
              <Story of={story} meta={csf} />
            </figure>
          ))
      })}
    </div>
  )
}
