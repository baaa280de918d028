import { describe, expect, it } from 'vitest'
import {
  EMPTY_DRAFT,
  draftErrors,
  draftInput,
  newCustomerSchema,
  passwordStrength,
  type NewCustomerDraft,
  type NewCustomerField,
} from '../../../shared/new-customer'

const valid: NewCustomerDraft = {
  ...EMPTY_DRAFT,
  name: 'John Doe',
  email: 'admin@example.com',
  password: 'Str0ng!pass',
  country: 'IN',
}

/** [field, value, ok] — each row changes one field of an otherwise valid draft. */
const table: [NewCustomerField, string, boolean][] = [
  ['name', 'Zoë Müller', true],
  ['name', '', false],
  ['name', '   ', false],
  ['name', 'x'.repeat(101), false],
  ['email', 'ops+1@mail.example.in', true],
  ['email', '', false],
  ['email', 'no-at-sign.example.com', false],
  ['email', 'two@@example.com', false],
  ['email', 'nodot@example', false],
  ['password', 'Str0ng!pass', true],
  ['password', 'Ab1!efgh', true],
  ['password', 'Ab1!efg', false],
  ['password', 'NoNumber!!', false],
  ['password', 'NoSpecial123', false],
  ['password', '', false],
  ['phone', '', true],
  ['phone', '+919876543210', true],
  ['phone', '+14155552671', true],
  ['phone', '9876543210', false],
  ['phone', '+91 12', false],
  ['phone', '+1000', false],
  ['country', 'IN', true],
  ['country', 'US', true],
  ['country', 'in', false],
  ['country', 'UK', false],
  ['country', 'XX', false],
  ['country', '', false],
  ['timezone', '', true],
  ['timezone', 'Asia/Kolkata', true],
  ['timezone', 'UTC', true],
  ['timezone', 'Asia/Calcutta', true],
  ['timezone', 'Mars/Olympus', false],
  ['timezone', 'EST5EDT', false],
  ['gstin', '', true],
  ['gstin', '29AAPFU0939F1ZV', true],
  ['gstin', '29aapfu0939f1zv', true],
  ['gstin', '29AAPFU0939F1Z', false],
  ['gstin', 'ABCDE', false],
  ['gst_status', '', true],
  ['gst_status', 'active', true],
  ['gst_status', 'inactive', true],
  ['gst_status', 'pending', false],
  ['account_type', 'standard', true],
  ['account_type', 'enterprise_2', true],
  ['account_type', 'Standard', false],
  ['account_type', 'gold plan', false],
  ['zip_code', '560001', true],
  ['zip_code', 'x'.repeat(21), false],
  ['description', 'd'.repeat(500), true],
  ['description', 'd'.repeat(501), false],
]

describe('new customer schema', () => {
  it('accepts the minimal documented body', () => {
    expect(draftErrors(valid)).toEqual({})
  })

  it.each(table)('%s = %j → valid: %s', (field, value, ok) => {
    const errors = draftErrors({ ...valid, [field]: value })
    if (ok) expect(errors).toEqual({})
    else {
      expect(Object.keys(errors)).toEqual([field])
      expect(errors[field]).toMatch(/\w/)
    }
  })

  it('builds the POST body: trimmed, empty optional fields left out, GSTIN upper-cased', () => {
    const body = newCustomerSchema.parse({
      ...valid,
      name: '  John Doe ',
      company: '',
      gstin: '29aapfu0939f1zv',
      gst_status: undefined,
      account_type: 'standard',
    })
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      name: 'John Doe',
      email: 'admin@example.com',
      password: 'Str0ng!pass',
      country: 'IN',
      gstin: '29AAPFU0939F1ZV',
      account_type: 'standard',
    })
  })

  it('keeps the password exactly as typed (spaces included)', () => {
    expect(
      newCustomerSchema.parse(draftInput({ ...valid, password: ' Str0ng!pass ' })).password,
    ).toBe(' Str0ng!pass ')
  })

  it('refuses fields the API does not document', () => {
    expect(newCustomerSchema.safeParse({ ...draftInput(valid), role: 'admin' }).success).toBe(false)
  })

  it('rates password strength as a hint', () => {
    expect(passwordStrength('').level).toBe(0)
    expect(passwordStrength('abc').label).toBe('Weak')
    expect(passwordStrength('Abcdef1!').label).toBe('Good')
    expect(passwordStrength('abcdefg1!').label).toBe('Fair')
    expect(passwordStrength('Correct-Horse-9-Battery').label).toBe('Strong')
  })
})
