import { describe, expect, it } from 'vitest'
import { summariseCustomers } from '../../../shared/customer-summary'
import type { CustomerRow } from '../../../shared/customers'
import { lowBalanceRule } from '../../../shared/low-balance'
import { moneyToDecimalString } from '../../../shared/money'

let next = 0
const row = (patch: Partial<CustomerRow>): CustomerRow => ({
  authId: `MA_${next++}`,
  name: 'A customer',
  company: null,
  email: null,
  phone: null,
  balance: '0.00000',
  currency: 'INR',
  kycStatus: null,
  enabled: true,
  active: true,
  createdAt: null,
  ...patch,
})

const rule = lowBalanceRule(
  { lowBalanceThreshold: '100', lowBalanceThresholds: { USD: '5' } },
  'INR',
)

describe('the customer base at a glance', () => {
  it('sums balances exactly per currency, never across currencies', () => {
    const summary = summariseCustomers(
      [
        row({ balance: '17242.30065', currency: 'INR' }),
        row({ balance: '7305.44900', currency: 'inr' }),
        row({ balance: '-12.50000', currency: 'INR' }),
        row({ balance: '500', currency: 'USD' }),
        row({ balance: null, currency: 'USD' }),
        row({ balance: '3.1', currency: null }),
      ],
      rule,
    )
    expect(
      summary.balances.map((b) => [b.currency, moneyToDecimalString(b.total), b.customers]),
    ).toEqual([
      ['INR', '24535.24965', 3],
      [null, '3.10000', 1],
      ['USD', '500.00000', 1],
    ])
    expect(summary.customers).toBe(6)
  })

  it('counts low balances by each currency’s own threshold, as the Low balance filter does', () => {
    const summary = summariseCustomers(
      [
        row({ balance: '99.99999', currency: 'INR' }), // low: under ₹100
        row({ balance: '100.00000', currency: 'INR' }), // not low: at the threshold
        row({ balance: '4.99', currency: 'USD' }), // low: under $5
        row({ balance: '50', currency: 'USD' }), // not low, though under 100
        row({ balance: '1', currency: 'EUR' }), // no EUR threshold: never low
        row({ balance: '1', currency: null }), // no currency: never low
      ],
      rule,
    )
    expect(summary.low).toBe(2)
    expect(summariseCustomers([row({ balance: '1' })], null).low).toBe(0)
  })

  it('counts disabled customers, and KYC statuses as the KYC filter reads them', () => {
    const summary = summariseCustomers(
      [
        row({ kycStatus: 'pending', enabled: false }),
        row({ kycStatus: 'pending' }),
        row({ kycStatus: 'verified' }),
        row({ kycStatus: null, enabled: null }),
        row({ kycStatus: '' }),
      ],
      rule,
    )
    expect(summary.disabled).toBe(1)
    expect([...summary.kyc]).toEqual([
      ['pending', 2],
      ['verified', 1],
    ])
  })
})
