// The aria-* attributes TradeKit's components pass on tt/weapp (its a11y helper sets `ariaRole`,
// `ariaLabel`, … as props) for the Taro components they are built from. Taro 4.2's templates carry
// no aria-* attribute: without these the props never reach the native components.
const ARIA = [
  'aria-role',
  'aria-label',
  'aria-hidden',
  'aria-disabled',
  'aria-busy',
  'aria-checked',
  'aria-live',
  'aria-modal',
  'aria-roledescription',
]
const COMPONENTS = [
  'View',
  'Text',
  'Image',
  'Input',
  'Button',
  'ScrollView',
  'Swiper',
  'SwiperItem',
  'Picker',
]

/** `{ View: { 'aria-role': '', … }, … }`: '' is "no default value" in Taro's component tables. */
module.exports = Object.fromEntries(
  COMPONENTS.map((component) => [component, Object.fromEntries(ARIA.map((attribute) => [attribute, '']))]),
)
