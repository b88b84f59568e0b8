import { Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { goodsMessages, skuMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useState } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './ProductGallery.css'
import { ProductImage } from './ProductImage'

/** Props of {@link ProductGallery}. */
export interface ProductGalleryProps {
  /** The pictures' addresses, in order; an empty list shows one placeholder. */
  images: readonly string[]
  /** Called with the index of the picture shown. */
  onChange?: (index: number) => void
  /**
   * Wrap around from the last picture to the first.
   * @default false
   */
  circular?: boolean
  /** Extra class of the root. */
  className?: string
}

// WAI-ARIA's carousel pattern names the region a carousel (said the way BottomSheet says aria-modal)
const carousel = isH5 ? { 'aria-roledescription': 'carousel' } : { ariaRoledescription: 'carousel' }

/**
 * The square picture gallery at the top of a product page: Taro's `Swiper` with its indicator dots
 * and a "2/5" counter; a picture that is missing or fails to load leaves a neutral placeholder.
 *
 * @example
 * ```tsx
 * <ProductGallery images={product.images} />
 * ```
 */
export function ProductGallery({ images, onChange, circular = false, className }: ProductGalleryProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(skuMessages, goodsMessages)
  const [current, setCurrent] = useState(0)
  const slides = images.length > 0 ? images : [undefined]
  const count = slides.length
  const shown = Math.min(current, count - 1)
  return (
    <View
      style={themeVars}
      className={className ? `tk-gallery ${className}` : 'tk-gallery'}
      {...a11y({ role: 'region', label: t('detail.gallery') })}
      {...carousel}
    >
      <Swiper
        className="tk-gallery__swiper"
        indicatorDots={count > 1}
        indicatorColor="rgba(255, 255, 255, 0.6)"
        indicatorActiveColor="#ffffff"
        circular={circular && count > 1}
        current={shown}
        onChange={(event) => {
          const index = event.detail.current
          setCurrent(index)
          onChange?.(index)
        }}
      >
        {slides.map((src, index) => (
          // pictures may repeat: the position is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: the slides are a fixed list of positions
          <SwiperItem key={index} className="tk-gallery__item">
            <ProductImage
              className="tk-gallery__image"
              src={src}
              placeholder={t('sku.noImage')}
              lazy={index > 0}
            />
          </SwiperItem>
        ))}
      </Swiper>
      {count > 1 ? (
        <Text className="tk-gallery__counter" {...a11y({ live: 'polite' })}>
          <Text {...a11y({ hidden: true })}>{`${shown + 1}/${count}`}</Text>
          <Text className="tk-gallery__sr-only">{t('detail.galleryItem', { index: shown + 1, count })}</Text>
        </Text>
      ) : null}
    </View>
  )
}
