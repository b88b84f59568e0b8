// The aria-* attributes TradeKit's components set on tt/weapp (its `a11y()` helper passes
// `ariaRole`, `ariaLabel`, … as props), for the Taro components they use. Taro 4.2.0's templates
// carry no aria-* attribute, so without this the props never reach the native components.
const ARIA = [
  'aria-role',
  'aria-label',
  'aria-hidden',
  'aria-disabled',
  'aria-busy',
  'aria-checked',
  'aria-live',
]
const COMPONENTS = ['View', 'Text', 'Image', 'Input', 'Button']

/** `{ View: { 'aria-role': '', … }, … }`: '' is "no default value" in Taro's component tables. */
module.exports = Object.fromEntries(
  COMPONENTS.map((component) => [component, Object.fromEntries(ARIA.map((attribute) => [attribute, '']))]),
)
