import { randomBytes } from 'node:crypto'

/** 32 upper-case hex characters from the system's CSPRNG: a nonce every platform accepts. */
export function randomNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase()
}
