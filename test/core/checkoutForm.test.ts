import { describe, expect, it } from 'vitest'
import { type CheckoutReadinessInput, checkoutReadiness, normalizeContact } from '../../packages/core/src'

const ready: CheckoutReadinessInput = {
  lineCount: 1,
  kind: 'physical',
  contact: {},
  channel: 'wechat',
  status: 'idle',
}

describe('checkoutReadiness', () => {
  it('lets goods through without a contact', () => {
    expect(checkoutReadiness(ready)).toEqual({
      needsContact: false,
      needsAddress: false,
      contactErrors: {},
      blocker: null,
    })
  })

  it('asks a service for a valid phone (and a name when required)', () => {
    const service = { ...ready, kind: 'service' as const }
    expect(checkoutReadiness(service)).toEqual({
      needsContact: true,
      needsAddress: false,
      contactErrors: { phone: 'contact.error.phoneRequired' },
      blocker: 'contact',
    })
    expect(checkoutReadiness({ ...service, contact: { phone: '138 0013-8000' } }).blocker).toBeNull()
    expect(
      checkoutReadiness({ ...service, contact: { phone: '13800138000' }, requireName: true }).contactErrors,
    ).toEqual({ name: 'contact.error.nameRequired' })
    expect(checkoutReadiness({ ...service, requireContact: false }).blocker).toBeNull()
    expect(checkoutReadiness({ ...ready, requireContact: true }).blocker).toBe('contact')
  })

  it('asks a shipped order for a complete address, before the contact', () => {
    const address = {
      name: '张三',
      phone: '13800138000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '西溪路 556 号',
    }
    const shipped = { ...ready, requireAddress: true }
    expect(checkoutReadiness(shipped)).toMatchObject({ needsAddress: true, blocker: 'address' })
    expect(checkoutReadiness({ ...shipped, address: { ...address, phone: '02081167888' } }).blocker).toBe(
      'address',
    )
    expect(checkoutReadiness({ ...shipped, address }).blocker).toBeNull()
    expect(checkoutReadiness({ ...shipped, requireContact: true }).blocker).toBe('address')
    expect(checkoutReadiness({ ...shipped, address, requireContact: true }).blocker).toBe('contact')
  })

  it('names the first thing that stops a submit, in order: empty, contact, method, busy', () => {
    const blocked = {
      lineCount: 0,
      kind: 'service',
      contact: {},
      channel: undefined,
      status: 'paying',
    } as const
    expect(checkoutReadiness(blocked).blocker).toBe('empty')
    expect(checkoutReadiness({ ...blocked, lineCount: 2 }).blocker).toBe('contact')
    expect(checkoutReadiness({ ...blocked, lineCount: 2, contact: { phone: '13800138000' } }).blocker).toBe(
      'method',
    )
    expect(
      checkoutReadiness({ ...blocked, lineCount: 2, contact: { phone: '13800138000' }, channel: 'wechat' })
        .blocker,
    ).toBe('busy')
    for (const status of ['creating', 'paying', 'confirming'] as const) {
      expect(checkoutReadiness({ ...ready, status }).blocker).toBe('busy')
    }
    for (const status of ['idle', 'paid', 'cancelled', 'failed', 'expired', 'unknown'] as const) {
      expect(checkoutReadiness({ ...ready, status }).blocker).toBeNull()
    }
  })
})

describe('normalizeContact', () => {
  it('trims, takes the phone without spaces and dashes, and leaves empty fields out', () => {
    expect(normalizeContact({ name: ' 王女士 ', phone: '138 0013-8000', note: '  ' })).toEqual({
      name: '王女士',
      phone: '13800138000',
    })
    expect(normalizeContact({ phone: '13800138000', note: ' 租房合同押金 ' })).toEqual({
      phone: '13800138000',
      note: '租房合同押金',
    })
    expect(normalizeContact({})).toEqual({})
  })
})
