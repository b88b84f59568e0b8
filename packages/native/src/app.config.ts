// The components `taro build native-components` turns into native custom components (no app, no pages).
export default {
  components: ['components/product-card/index', 'components/cart/index', 'components/checkout-bar/index'],
}
