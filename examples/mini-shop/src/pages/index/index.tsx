import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { douyinTradeChannel, purchaseModeFor, wechatChannel } from '@tradekit/core'
import { useCart, useMembership } from '@tradekit/react'
import { Empty, Price, ProductCard, type ProductCardProduct, Skeleton } from '@tradekit/taro'
import { useCallback, useEffect, useState } from 'react'
import { ResumedPayment } from '../../components/ResumedPayment'
import { ShopButton } from '../../components/ShopButton'
import { ShopPage } from '../../components/ShopPage'
import { type CatalogueItem, getCatalogueWithProducts, type ProductDetail } from '../../trade/api'
import { toProduct } from '../../trade/catalogue'
import { buyNowUrl, productUrl, ROUTES } from '../../trade/navigation'

// What a virtual good looks like on iOS through each platform's real cashier (the sandbox sells
// everything everywhere): Douyin routes it through customer service, WeChat allows no price at all.
const IOS_VIRTUAL = { kind: 'virtual', os: 'ios' } as const
const IOS_MODES = [
  { platform: '抖音 iOS', mode: purchaseModeFor([douyinTradeChannel()], IOS_VIRTUAL) },
  { platform: '微信 iOS', mode: purchaseModeFor([wechatChannel()], IOS_VIRTUAL) },
]

const goToCheckout = (skuId: string) => Taro.navigateTo({ url: buyNowUrl(skuId) })
const goToProduct = (productId: string) => Taro.navigateTo({ url: productUrl(productId) })

/**
 * A product with specs as a catalogue card: its lowest price and its first SKU's picture; its actions
 * and its picture open the product page, where the SKU is chosen (the card carries no spec selector:
 * the main package stays without it).
 */
const productCard = (product: ProductDetail): ProductCardProduct => {
  const image = product.skus.find((sku) => sku.image)?.image
  return {
    skuId: product.productId,
    title: product.title,
    price: product.price,
    kind: product.kind,
    subtitle: `${product.specs.map((group) => group.name).join(' / ')}可选`,
    ...(image ? { image } : {}),
  }
}

export default function CatalogPage() {
  const [items, setItems] = useState<CatalogueItem[] | null>(null)
  const [products, setProducts] = useState<ProductDetail[]>([])
  const [failed, setFailed] = useState(false)
  const count = useCart((cart) => cart.count)
  const { plans, entitlement } = useMembership()

  const load = useCallback(() => {
    setFailed(false)
    getCatalogueWithProducts().then(
      (catalogue) => {
        setItems(catalogue.items)
        setProducts(catalogue.products)
      },
      () => setFailed(true),
    )
  }, [])
  useEffect(load, [])
  // prices and stock may have moved while the user was away
  useDidShow(() => {
    if (items) load()
  })

  const sellable = items?.filter((item) => !item.planId) ?? []
  // the SKUs of a product with specs are sold on its page, not as cards of their own
  const goods = sellable.filter((item) => item.kind === 'physical' && !item.productId)
  const services = sellable.filter((item) => item.kind === 'service')
  const virtual = sellable.filter((item) => item.kind === 'virtual')
  const ebook = virtual[0]

  return (
    <ShopPage>
      <ResumedPayment />
      {failed ? (
        <Empty title="商品加载失败" description="请检查网络后重试">
          <ShopButton onPress={load}>重试</ShopButton>
        </Empty>
      ) : null}
      <View className="shop-section">
        <Text className="shop-section__title">好物</Text>
        <View className="shop-grid">
          {items === null && !failed
            ? [0, 1].map((key) => (
                <View key={key} className="shop-grid__item">
                  <ProductCard loading />
                </View>
              ))
            : [
                ...products.map((product) => (
                  <View key={product.productId} className="shop-grid__item">
                    <ProductCard
                      product={productCard(product)}
                      onPress={() => goToProduct(product.productId)}
                      onChooseSpecs={() => goToProduct(product.productId)}
                      onBuyNow={() => goToProduct(product.productId)}
                    />
                  </View>
                )),
                ...goods.map((item) => (
                  <View key={item.skuId} className="shop-grid__item">
                    <ProductCard product={toProduct(item)} onBuyNow={() => goToCheckout(item.skuId)} />
                  </View>
                )),
              ]}
        </View>
      </View>

      <View className="shop-section">
        <Text className="shop-section__title">专业服务</Text>
        {services.map((item) => (
          <ProductCard
            key={item.skuId}
            layout="horizontal"
            product={{ ...toProduct(item), subtitle: '30 分钟电话咨询，下单后律师联系你' }}
            onBuyNow={() => goToCheckout(item.skuId)}
          />
        ))}
      </View>

      <View className="shop-section">
        <Text className="shop-section__title">虚拟商品</Text>
        {virtual.map((item) => (
          <ProductCard
            key={item.skuId}
            layout="horizontal"
            product={toProduct(item)}
            onBuyNow={() => goToCheckout(item.skuId)}
          />
        ))}
      </View>

      <View className="shop-section">
        <Text className="shop-section__title">会员</Text>
        <View className="shop-card">
          {entitlement?.active ? (
            <Text className="shop-text">你已是会员，会员文章已解锁</Text>
          ) : (
            <Text className="shop-text">开通会员，阅读会员专享文章，好物享会员价</Text>
          )}
          {plans.length === 0 ? <Skeleton rows={2} /> : null}
          {plans.map((plan) => (
            <View key={plan.id} className="shop-row">
              <Text className="shop-text">{plan.title}</Text>
              <Price price={plan.price} originalPrice={plan.originalPrice} />
            </View>
          ))}
          <ShopButton onPress={() => Taro.navigateTo({ url: ROUTES.article })}>
            {entitlement?.active ? '阅读会员文章' : '看看会员文章'}
          </ShopButton>
        </View>
      </View>

      {ebook ? (
        <View className="shop-section">
          <Text className="shop-section__title">iOS 上的虚拟商品</Text>
          <Text className="shop-muted">
            平台限制 iOS 上的虚拟商品支付：抖音需联系客服购买，微信不能出现价格和购买按钮。接入真实收银台后，
            组件会按平台与系统自动切换；下面是两种模式的样子。
          </Text>
          {IOS_MODES.map(({ platform, mode }) => (
            <View key={platform} className="shop-card">
              <Text className="shop-muted">
                {platform}：
                {mode === 'im' ? '联系客服购买' : mode === 'hidden' ? '不显示价格与购买' : '直接购买'}
              </Text>
              <ProductCard
                layout="horizontal"
                product={toProduct(ebook)}
                purchaseMode={mode}
                onContactSupport={() => Taro.showToast({ title: '已为你接通客服', icon: 'none' })}
              />
            </View>
          ))}
        </View>
      ) : null}

      <View className="shop-nav__spacer" />
      <View className="shop-nav">
        <ShopButton secondary onPress={() => Taro.navigateTo({ url: ROUTES.coupons })}>
          我的优惠券
        </ShopButton>
        <ShopButton secondary onPress={() => Taro.navigateTo({ url: ROUTES.orders })}>
          我的订单
        </ShopButton>
        <ShopButton label={`购物车 ${count} 件`} onPress={() => Taro.navigateTo({ url: ROUTES.cart })}>
          购物车 {count}
        </ShopButton>
      </View>
    </ShopPage>
  )
}
