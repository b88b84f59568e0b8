// One product card, as the README's component table shows it.
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { money } from '@tradekit/core'
import { ProductCard, type ProductCardProduct } from '@tradekit/taro'
import './index.css'

const product: ProductCardProduct = {
  skuId: 'fresh-tee-white-m',
  title: 'FRESHAPP 纯棉短袖 T 恤',
  subtitle: '白色 · M',
  price: money(5900),
  originalPrice: money(7900),
  stock: 3,
  tags: ['新品'],
}

export default function Index() {
  return (
    <View className="index">
      <ProductCard product={product} layout="vertical" onBuyNow={(p) => Taro.showToast({ title: p.title })} />
    </View>
  )
}
