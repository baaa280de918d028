import { describe, expect, it } from 'vitest'
import { validateNewSubAccount } from '../../../electron/sandbox/subaccount-validation'
import { MAX_LENGTH, validateNewCustomer } from '../../../electron/sandbox/validation'
import { newCustomerSchema } from '../../../shared/new-customer'
import { newSubAccountSchema } from '../../../shared/subaccounts'
import { CUSTOMER_MAX_LENGTH, SUB_ACCOUNT_MAX_LENGTH } from '../../../shared/vobiz-rules'

// The forms and the sandbox take their rules from shared/vobiz-rules.ts: at each limit, both
// accept; one past it, both refuse.

const customer = {
  name: 'Asha Rao',
  email: 'asha@example.com',
  password: 'Str0ng!pass',
  country: 'IN',
}

describe('one set of Vobiz rules for the forms and the sandbox', () => {
  it('the sandbox enforces the shared customer limits', () => {
    expect(MAX_LENGTH).toBe(CUSTOMER_MAX_LENGTH)
  })

  it.each(['name', 'description', 'company', 'address', 'city'] as const)(
    'customer %s: the form and the sandbox agree at the limit and past it',
    (field) => {
      const max = CUSTOMER_MAX_LENGTH[field]
      for (const [length, ok] of [
        [max, true],
        [max + 1, false],
      ] as const) {
        const body = { ...customer, [field]: 'x'.repeat(length) }
        expect(newCustomerSchema.safeParse(body).success, `form ${length}`).toBe(ok)
        expect(validateNewCustomer(body, () => false).ok, `sandbox ${length}`).toBe(ok)
      }
    },
  )

  it.each(['name', 'description'] as const)(
    'sub-account %s: the form and the sandbox agree at the limit and past it',
    (field) => {
      const max = SUB_ACCOUNT_MAX_LENGTH[field]
      for (const [length, ok] of [
        [max, true],
        [max + 1, false],
      ] as const) {
        const draft = { name: 'Ops', [field]: 'x'.repeat(length) }
        expect(newSubAccountSchema.safeParse(draft).success, `form ${length}`).toBe(ok)
        expect(validateNewSubAccount(draft).ok, `sandbox ${length}`).toBe(ok)
      }
    },
  )

  it('a sub-account phone: the form takes separators, and what it sends is what the sandbox takes', () => {
    expect(newSubAccountSchema.safeParse({ name: 'Ops', phone: '+91 98123 45678' }).success).toBe(
      true,
    )
    expect(validateNewSubAccount({ name: 'Ops', phone: '+919812345678' }).ok).toBe(true)
    expect(newSubAccountSchema.safeParse({ name: 'Ops', phone: '98123 45678' }).success).toBe(false)
    expect(validateNewSubAccount({ name: 'Ops', phone: '9812345678' }).ok).toBe(false)
  })
})
