import { describe, expect, it } from 'vitest'
import { customerRowSchema, customersSnapshotSchema } from '../../../shared/customers'
import { isCustomerRow, quickCheck } from '../../../shared/quick-checks'

const good = {
  authId: 'MA_1',
  name: 'Zoë',
  company: null,
  email: 'z@example.com',
  phone: null,
  balance: '1.00000',
  currency: 'INR',
  kycStatus: null,
  enabled: true,
  active: null,
  createdAt: '2026-01-01T00:00:00Z',
}

const cases: [string, unknown][] = [
  ['a good row', good],
  ['no auth id', { ...good, authId: '' }],
  ['a numeric auth id', { ...good, authId: 1 }],
  ['a missing name', { ...good, name: undefined }],
  ['a numeric balance', { ...good, balance: 1 }],
  ['enabled as a string', { ...good, enabled: 'yes' }],
  ['a missing field', Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'email'))],
  ['null', null],
  ['an array', ['MA_1']],
]

describe('quick checks', () => {
  it.each(cases)('isCustomerRow agrees with customerRowSchema on %s', (_, value) => {
    expect(isCustomerRow(value)).toBe(customerRowSchema.safeParse(value).success)
  })

  it('checks a customers snapshot as the schema would', () => {
    const sync = { state: 'idle', pagesDone: 0, pagesTotal: null, error: null, syncedAt: null }
    const snapshot = { rows: [good, good], sync, cacheNotice: null }
    expect(quickCheck('customers:get', snapshot)).toEqual({ ok: true, value: snapshot })
    for (const bad of [
      { ...snapshot, rows: [good, { ...good, enabled: 1 }] },
      { ...snapshot, sync: { ...sync, state: 'busy' } },
      { ...snapshot, rows: 'none' },
    ]) {
      expect(quickCheck('customers:get', bad)?.ok).toBe(false)
      expect(customersSnapshotSchema.safeParse(bad).success).toBe(false)
    }
    expect(quickCheck('session:get', {})).toBeNull()
  })
})
