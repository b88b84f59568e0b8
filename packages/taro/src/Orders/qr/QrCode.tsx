import { Text, View } from '@tarojs/components'
import { orderMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useMemo } from 'react'
import { a11y } from '../../internal/a11y'
import { encodeQr, type QrMatrix } from './encodeQr'
import './QrCode.css'

/** Props of {@link QrCode}. */
export interface QrCodeProps {
  /** The text to encode (byte mode, level M, up to 213 bytes). */
  value: string
  /** The accessible name (say what the code is, and the code as text). */
  label: string
  /** Extra class of the root (its CSS sets the side: 168 px of the 375-wide design by default). */
  className?: string
}

const QUIET = 4
const pct = (n: number, of: number) => `${(n / of) * 100}%`

/**
 * A QR code drawn with Views: one View per run of dark modules in a row, not one per module,
 * placed in percent of the symbol so it scales with `size`. Read by screen readers as its label.
 */
export function QrCode({ value, label, className }: QrCodeProps) {
  const { t } = useTranslate(orderMessages)
  const matrix = useMemo<QrMatrix | null>(() => {
    try {
      return encodeQr(value)
    } catch {
      return null
    }
  }, [value])
  if (!matrix) return <Text className="tk-qr__error">{t('qr.tooLong')}</Text>
  const side = matrix.size + 2 * QUIET
  const runs: { x: number; y: number; length: number }[] = []
  matrix.modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue
      const start = x
      while (x + 1 < row.length && row[x + 1]) x++
      runs.push({ x: start, y, length: x - start + 1 })
    }
  })
  return (
    <View className={className ? `tk-qr ${className}` : 'tk-qr'} {...a11y({ role: 'img', label })}>
      {runs.map((run) => (
        <View
          key={`${run.y}-${run.x}`}
          className="tk-qr__run"
          style={{
            left: pct(run.x + QUIET, side),
            top: pct(run.y + QUIET, side),
            width: pct(run.length, side),
            height: pct(1, side),
          }}
        />
      ))}
    </View>
  )
}
