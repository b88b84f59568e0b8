import { createSign, createVerify, type KeyObject } from 'node:crypto'

/**
 * SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256) of the UTF-8 bytes of `message`, base64 encoded:
 * the signature WeChat Pay v3, Douyin's trading system and Alipay's RSA2 all use.
 */
export function signRsaSha256(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64')
}

/** Checks a base64 SHA256withRSA signature; false for any signature that does not verify or parse. */
export function verifyRsaSha256(message: string, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}
