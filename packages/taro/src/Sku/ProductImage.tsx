import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { a11y } from '../internal/a11y'
import '../internal/ImagePlaceholder.css'
import './ProductImage.css'

/**
 * A product picture that fills its box, or, when there is no picture or it fails to load, the drawn
 * placeholder the product card and the cart line show (a frame with a sun), with a caption under it
 * where one is given (the gallery's "暂无图片"; a thumbnail has room for none). Decorative for
 * assistive technology: the product is named elsewhere.
 */
export function ProductImage({
  src,
  placeholder,
  className,
  lazy = false,
}: {
  src: string | undefined
  /** A caption under the placeholder ("暂无图片"); none for a thumbnail. */
  placeholder?: string
  className?: string
  lazy?: boolean
}) {
  // the picture that failed: a new src gets its own chance
  const [failed, setFailed] = useState<string | null>(null)
  const classes = className ? `tk-product-image ${className}` : 'tk-product-image'
  if (!src || failed === src) {
    return (
      <View className={`${classes} tk-product-image--empty`} {...a11y({ hidden: true })}>
        <View className="tk-image-placeholder" />
        {placeholder ? <Text className="tk-product-image__placeholder">{placeholder}</Text> : null}
      </View>
    )
  }
  return (
    <View className={classes} {...a11y({ hidden: true })}>
      <Image
        className="tk-product-image__img"
        src={src}
        mode="aspectFill"
        lazyLoad={lazy}
        onError={() => setFailed(src)}
      />
    </View>
  )
}
