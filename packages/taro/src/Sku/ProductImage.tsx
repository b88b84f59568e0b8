import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { a11y } from '../internal/a11y'
import './ProductImage.css'

/**
 * A product picture that fills its box, or a neutral placeholder with a short text when there is
 * no picture or it fails to load. Decorative for assistive technology: the product is named
 * elsewhere.
 */
export function ProductImage({
  src,
  placeholder,
  className,
  lazy = false,
}: {
  src: string | undefined
  /** The placeholder's text ("暂无图片"). */
  placeholder: string
  className?: string
  lazy?: boolean
}) {
  // the picture that failed: a new src gets its own chance
  const [failed, setFailed] = useState<string | null>(null)
  const classes = className ? `tk-product-image ${className}` : 'tk-product-image'
  if (!src || failed === src) {
    return (
      <View className={`${classes} tk-product-image--empty`} {...a11y({ hidden: true })}>
        <Text className="tk-product-image__placeholder">{placeholder}</Text>
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
