import Taro, { useDidShow } from '@tarojs/taro'
import { useCartActions } from '@tradekit/react'
import { CartBar, CartEmpty, CartList } from '@tradekit/taro'
import { ShopPage } from '../../components/ShopPage'
import { getCatalogue } from '../../trade/api'
import { toProduct } from '../../trade/catalogue'
import { cartCheckoutUrl, goHome } from '../../trade/navigation'

export default function CartPage() {
  const cart = useCartActions()

  // The cart was filled with the prices of its day: refresh prices and stock from the server, so
  // lines whose price moved are marked and sold-out ones are set aside.
  useDidShow(() => {
    getCatalogue().then(
      (items) => cart.update(items.filter((item) => !item.planId).map(toProduct)),
      () => {}, // offline: the stored cart stays as it is, and the server prices the order anyway
    )
  })

  return (
    <ShopPage>
      <CartList empty={<CartEmpty onShop={() => goHome()} />} />
      <CartBar onCheckout={() => void Taro.navigateTo({ url: cartCheckoutUrl })} />
    </ShopPage>
  )
}
