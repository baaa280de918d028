import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { isDay } from '../../../shared/day'
import { fieldMessages, issueMessages } from '../../../shared/field-messages'
import { checkDraft, EMPTY_DRAFT } from '../../../shared/new-customer'
import { newSubAccountSchema } from '../../../shared/subaccounts'

const schema = z
  .object({
    name: z.string().min(1, 'Enter a name.').max(3, 'At most 3.'),
    limits: z.object({ calls: z.number('A number.') }),
  })
  .strict()

function errorOf(value: unknown): z.ZodError {
  const parsed = schema.safeParse(value)
  if (parsed.success) throw new Error('expected a failure')
  return parsed.error
}

describe('zod issues as field messages', () => {
  const error = errorOf({ name: 12, limits: { calls: 'many' }, extra: true })

  it('lists every issue in order, nested paths joined with dots, the whole value as root', () => {
    expect(issueMessages(error, 'body')).toEqual([
      { field: 'name', message: expect.any(String) },
      { field: 'limits.calls', message: 'A number.' },
      { field: 'body', message: expect.stringContaining('extra') },
    ])
  })

  it('keeps the first message of each field, the whole value under "form"', () => {
    const twice = z
      .string()
      .refine(() => false, 'First.')
      .refine(() => false, 'Second.')
    const parsed = z.object({ name: twice }).safeParse({ name: 'x' })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldMessages(parsed.error)).toEqual({ name: 'First.' })
    expect(Object.keys(fieldMessages(error))).toEqual(['name', 'limits.calls', 'form'])
  })

  it('the new-customer form gets the first message of each failing field', () => {
    const checked = checkDraft({ ...EMPTY_DRAFT, email: 'nope', password: 'short' })
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'Enter the customer’s name.',
        email: 'Enter a valid email address, e.g. admin@example.com.',
        password: 'At least 8 characters.',
        country: 'Choose the customer’s country.',
      },
    })
  })

  it('a sub-account check across fields lands on its field', () => {
    const parsed = newSubAccountSchema.safeParse({ name: 'Ops', kycMode: 'customer_use' })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(Object.keys(fieldMessages(parsed.error))).toEqual(['email'])
  })
})

describe('isDay, the app’s and the sandbox’s rule for a day', () => {
  it.each(['2026-01-31', '2028-02-29', '1999-12-01'])('%s is a day', (text) => {
    expect(isDay(text)).toBe(true)
  })

  it.each(['2026-02-31', '2027-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', ''])(
    '%j is not',
    (text) => expect(isDay(text)).toBe(false),
  )
})
