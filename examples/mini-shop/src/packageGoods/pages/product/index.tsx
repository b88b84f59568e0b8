import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { isNetworkError, type SkuChoice, skuMatrix, skuMessages, skuSelection } from '@tradekit/core'
import { useCart, useTranslate } from '@tradekit/react'
import {
  ConnectedSkuSelector,
  CouponTicket,
  Empty,
  ProductActionBar,
  ProductGallery,
  ProductPriceBlock,
  ServiceTags,
  Skeleton,
  SpecSummaryRow,
  useCouponWallet,
} from '@tradekit/taro'
import { useEffect, useMemo, useState } from 'react'
import { ShopButton } from '../../../components/ShopButton'
import { ShopPage } from '../../../components/ShopPage'
import { getProduct, type ProductDetail } from '../../../trade/api'
import { type CouponOffer, couponsApi, getCouponOffers } from '../../../trade/coupons'
import { buyNowUrl, goHome, ROUTES } from '../../../trade/navigation'
import './index.css'

type SheetIntent = 'both' | 'cart' | 'buy'

/**
 * The page of a product with specs (`?id=<productId>`), from TradeKit's product-detail blocks: the
 * gallery, the price (the range until a SKU is chosen), the spec row that opens the SKU selector in
 * a bottom sheet, the coupons to claim for it, the service promises and the action bar. The
 * selector disables a value no SKU in stock has with the other chosen values (black XL once black is
 * chosen), adds the chosen SKU with its spec text to the cart, or buys it now.
 */
export default function ProductPage() {
  const { params } = useRouter()
  const productId = params.id ? decodeURIComponent(params.id) : ''
  const [product, setProduct] = useState<ProductDetail | null>(null)
  // 'network': the product could not be read (retry); 'missing': no such product (or no id)
  const [failed, setFailed] = useState<'network' | 'missing' | null>(null)

  const load = () => {
    if (!productId) {
      setFailed('missing')
      return
    }
    setFailed(null)
    getProduct(productId).then(setProduct, (error: unknown) =>
      setFailed(isNetworkError(error) ? 'network' : 'missing'),
    )
  }
  useEffect(load, [productId])

  if (failed === 'missing') {
    return (
      <ShopPage>
        <Empty title="商品不存在" description="它可能已下架，去看看别的吧">
          <ShopButton onPress={goHome}>去首页</ShopButton>
        </Empty>
      </ShopPage>
    )
  }
  if (failed) {
    return (
      <ShopPage>
        <Empty title="商品加载失败" description="请检查网络后重试">
          <ShopButton onPress={load}>重试</ShopButton>
        </Empty>
      </ShopPage>
    )
  }
  if (!product) {
    return (
      <ShopPage>
        <Skeleton image="top" rows={3} />
      </ShopPage>
    )
  }
  return <ProductView product={product} />
}

function ProductView({ product }: { product: ProductDetail }) {
  const { t } = useTranslate(skuMessages)
  const matrix = useMemo(() => skuMatrix(product.specs, product.skus), [product])
  const skuIds = useMemo(() => product.skus.map((item) => item.skuId), [product])
  const [choice, setChoice] = useState<SkuChoice>({})
  const [sheet, setSheet] = useState<{ open: boolean; actions: SheetIntent }>({
    open: false,
    actions: 'both',
  })
  const count = useCart((cart) => cart.count)
  const selection = useMemo(() => skuSelection(matrix, choice), [matrix, choice])
  const whole = useMemo(() => skuSelection(matrix, {}), [matrix])
  const sku = selection.sku
  const price = sku?.price ?? selection.priceRange ?? whole.priceRange
  const open = (actions: SheetIntent) => setSheet({ open: true, actions })
  // the gallery: the chosen SKU's picture first, then each other picture of the product once
  const images = useMemo(() => {
    const all = product.skus.flatMap((item) => (item.image ? [item.image] : []))
    return [...new Set(sku?.image ? [sku.image, ...all] : all)]
  }, [product, sku])

  return (
    <ShopPage>
      <View className="shop-product">
        <ProductGallery images={images} />
        {price ? (
          <ProductPriceBlock
            price={price}
            originalPrice={sku?.originalPrice}
            memberPrice={sku?.memberPrice}
            kind={product.kind}
          />
        ) : null}
        <View className="shop-product__title">
          <Text className="shop-section__title">{product.title}</Text>
        </View>
        <SpecSummaryRow matrix={matrix} value={choice} onPress={() => open('both')} />
        <ProductCoupons skuIds={skuIds} />
        <ServiceTags tags={product.services} />
      </View>
      <ProductActionBar
        kind={product.kind}
        cartCount={count}
        onSupport={() => void Taro.showToast({ title: '已为你接通客服', icon: 'none' })}
        onCart={() => void Taro.navigateTo({ url: ROUTES.cart })}
        onAddToCart={() => open('cart')}
        onBuyNow={() => open('buy')}
        disabledReason={whole.priceRange ? undefined : t('sku.allSoldOut')}
      />
      <ConnectedSkuSelector
        open={sheet.open}
        actions={sheet.actions}
        onClose={() => setSheet((shown) => ({ ...shown, open: false }))}
        matrix={matrix}
        product={{ title: product.title, kind: product.kind }}
        onChange={setChoice}
        onBuyNow={(item, quantity) => {
          setSheet((shown) => ({ ...shown, open: false }))
          void Taro.navigateTo({ url: buyNowUrl(item.skuId, quantity) })
        }}
      />
    </ShopPage>
  )
}

/**
 * The coupons this product can use that the user may claim (one each): 领取 claims it in the
 * wallet (one request however often it is tapped; a retry sends the same key), then it is held.
 */
function ProductCoupons({ skuIds }: { skuIds: readonly string[] }) {
  const [offers, setOffers] = useState<CouponOffer[]>([])
  const wallet = useCouponWallet(couponsApi, { load: false })
  useEffect(() => {
    getCouponOffers().then(
      (all) =>
        setOffers(
          all.filter(({ coupon }) => !coupon.skuIds || coupon.skuIds.some((id) => skuIds.includes(id))),
        ),
      () => {}, // offline: no coupons to claim here; the checkout still prices without one
    )
  }, [skuIds])
  if (offers.length === 0) return null
  return (
    <View className="shop-card shop-product__coupons">
      <Text className="shop-muted">领券</Text>
      {offers.map(({ coupon, claimed }) => {
        const claim = wallet.snapshot.claims[coupon.id]
        const held = claimed || claim?.status === 'claimed'
        return (
          <CouponTicket
            key={coupon.id}
            coupon={coupon}
            claim={claim}
            state={held ? 'claimed' : 'claimable'}
            onClaim={() => void wallet.claim(coupon.id)}
            onUse={() => void Taro.navigateTo({ url: ROUTES.coupons })}
          />
        )
      })}
    </View>
  )
}
