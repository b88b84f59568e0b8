import { Image, Text, View } from '@tarojs/components'
import { goodsMessages, type OrderItem, orderMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useState } from 'react'
import { a11y } from '../internal/a11y'
import { Price } from '../Price/Price'
import { specOf } from './orderText'
import '../internal/ProductTitle.css'
import './OrderLineRow.css'

/** One line of an order: picture, title, spec, unit price and quantity. */
export function OrderLineRow({ line }: { line: OrderItem }) {
  const { t } = useTranslate(orderMessages, goodsMessages)
  const [imageFailed, setImageFailed] = useState(false)
  const spec = specOf(line, t)
  return (
    <View className="tk-order-line" {...a11y({ role: 'listitem' })}>
      <View className="tk-order-line__media" {...a11y({ hidden: true })}>
        {line.image && !imageFailed ? (
          <Image
            className="tk-order-line__image"
            src={line.image}
            mode="aspectFill"
            lazyLoad
            onError={() => setImageFailed(true)}
          />
        ) : null}
      </View>
      <View className="tk-order-line__body">
        <Text className="tk-product-title tk-order-line__title">{line.title}</Text>
        {spec ? <Text className="tk-order-line__spec">{spec}</Text> : null}
      </View>
      <View className="tk-order-line__side">
        <Price price={line.unitPrice} size="sm" />
        <Text
          className="tk-order-line__quantity"
          {...a11y({ label: t('order.lineLabel', { title: line.title, count: line.quantity }) })}
        >
          {t('order.quantity', { count: line.quantity })}
        </Text>
      </View>
    </View>
  )
}
