import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto'
import { ServerError } from '../errors/ServerError'

/**
 * An RSA private key: PEM text (PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`), the bare base64
 * body of a PKCS#8 or PKCS#1 key as the platforms' consoles show it, or a `KeyObject`.
 */
export type PrivateKeyInput = string | KeyObject

/**
 * An RSA public key: PEM text (`PUBLIC KEY` or `RSA PUBLIC KEY`), an X.509 certificate in PEM
 * (WeChat Pay platform certificates), the bare base64 body of an SPKI key (Alipay's console), or a
 * `KeyObject`.
 */
export type PublicKeyInput = string | KeyObject

function bareBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '')
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64') : undefined
}

function assertRsa(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ServerError('INVALID_ARGUMENT', `${what} must be an RSA key, got ${key.asymmetricKeyType}`)
  }
  return key
}

/** Reads an RSA private key once, so signing does not parse PEM on every call. */
export function toPrivateKey(input: PrivateKeyInput, what = 'private key'): KeyObject {
  if (typeof input !== 'string') {
    if (input.type !== 'private') throw new ServerError('INVALID_ARGUMENT', `${what} is not a private key`)
    return assertRsa(input, what)
  }
  try {
    if (input.includes('-----BEGIN')) return assertRsa(createPrivateKey(input), what)
    const der = bareBase64(input)
    if (der) {
      try {
        return assertRsa(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), what)
      } catch {
        return assertRsa(createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }), what)
      }
    }
  } catch (error) {
    if (error instanceof ServerError) throw error
    throw new ServerError('INVALID_ARGUMENT', `${what} cannot be read`, { cause: error })
  }
  throw new ServerError('INVALID_ARGUMENT', `${what} cannot be read`)
}

/** Reads an RSA public key (or the key of an X.509 certificate) once. */
export function toPublicKey(input: PublicKeyInput, what = 'public key'): KeyObject {
  if (typeof input !== 'string') {
    if (input.type === 'secret') throw new ServerError('INVALID_ARGUMENT', `${what} is not a public key`)
    return assertRsa(input.type === 'private' ? createPublicKey(input) : input, what)
  }
  try {
    if (input.includes('-----BEGIN CERTIFICATE')) return assertRsa(new X509Certificate(input).publicKey, what)
    if (input.includes('-----BEGIN')) return assertRsa(createPublicKey(input), what)
    const der = bareBase64(input)
    if (der) {
      try {
        return assertRsa(createPublicKey({ key: der, format: 'der', type: 'spki' }), what)
      } catch {
        return assertRsa(createPublicKey({ key: der, format: 'der', type: 'pkcs1' }), what)
      }
    }
  } catch (error) {
    if (error instanceof ServerError) throw error
    throw new ServerError('INVALID_ARGUMENT', `${what} cannot be read`, { cause: error })
  }
  throw new ServerError('INVALID_ARGUMENT', `${what} cannot be read`)
}
