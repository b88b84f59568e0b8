import { createDecipheriv } from 'node:crypto'
import { ServerError, VerificationError } from '../errors/ServerError'

/** The encrypted `resource` of a WeChat Pay notification. */
export interface WechatPayEncryptedResource {
  /** `AEAD_AES_256_GCM`. */
  algorithm: string
  /** Base64 of ciphertext followed by the 16-byte authentication tag. */
  ciphertext: string
  /** The 12-character nonce (the GCM IV). */
  nonce: string
  /** Additional authenticated data; may be empty. */
  associated_data?: string
  /** The type of the object before encryption (`transaction`, `refund`). */
  original_type?: string
}

const TAG_BYTES = 16

/**
 * Decrypts a notification's `resource` with the APIv3 key (AEAD_AES_256_GCM: key = the 32-byte
 * APIv3 key, IV = `nonce`, AAD = `associated_data`, the tag = the last 16 bytes of the ciphertext)
 * and returns the plaintext. A wrong key or a changed ciphertext, nonce or AAD fails the tag:
 * `VerificationError('DECRYPT_FAILED')`.
 *
 * @example
 * ```ts
 * const transaction = JSON.parse(decryptWechatPayResource(notification.resource, process.env.WECHAT_PAY_API_V3_KEY!))
 * ```
 */
export function decryptWechatPayResource(resource: WechatPayEncryptedResource, apiV3Key: string): string {
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length !== 32) throw new ServerError('INVALID_ARGUMENT', 'the APIv3 key must be 32 bytes')
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new VerificationError('MALFORMED', `unsupported resource algorithm ${String(resource.algorithm)}`)
  }
  if (typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') {
    throw new VerificationError('MALFORMED', 'the resource has no ciphertext or nonce')
  }
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length <= TAG_BYTES) throw new VerificationError('DECRYPT_FAILED', 'the ciphertext is too short')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'))
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8')
  } catch (error) {
    throw new VerificationError('DECRYPT_FAILED', 'the resource does not decrypt with this APIv3 key', {
      cause: error,
    })
  }
}
