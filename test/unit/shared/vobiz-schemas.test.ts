import { describe, expect, it } from 'vitest'
import {
  accountListSchema,
  customerBalanceSchema,
  partnerProfileSchema,
} from '../../../shared/vobiz'

describe('Vobiz reply schemas', () => {
  it('accept the OpenAPI example of /partner/me (balance as a number, fields missing)', () => {
    const parsed = partnerProfileSchema.parse({
      auth_id: 'PA_ABC123',
      name: 'Acme Reseller',
      email: 'partner@acme.com',
      balance: 50000,
      currency: 'INR',
      country: 'IN',
      created_at: '2025-01-15T10:00:00Z',
      brand_new_field: { nested: true },
    })
    expect(parsed.balance).toBe(50000)
    expect(parsed).not.toHaveProperty('brand_new_field')
  })

  it('accept a null balance and reject a profile with no auth_id', () => {
    expect(
      partnerProfileSchema.parse({ auth_id: 'PA_1', name: 'x', balance: null }).balance,
    ).toBeNull()
    expect(partnerProfileSchema.safeParse({ name: 'x' }).success).toBe(false)
  })

  it('accept ids as numbers or strings and the null-heavy account example', () => {
    const list = accountListSchema.parse({
      accounts: [
        {
          auth_id: 'MA_1',
          name: 'A',
          id: 500000,
          cash_credits: '1300.00000',
          gstin: null,
          pricing_tier: null,
        },
      ],
      total: 1,
      page: 1,
      size: 20,
    })
    expect(list.accounts[0]?.id).toBe('500000')
    expect(customerBalanceSchema.parse({ auth_id: 'MA_1', cash_credits: 12.5 }).cash_credits).toBe(
      12.5,
    )
  })
})
