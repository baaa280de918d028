import { describe, expect, it } from 'vitest'
import { errorBody, failedFields } from './helpers'
import {
  useSubAccountsSandbox,
  SUB_ACCOUNT_FIELDS,
  type SubAccount,
  PARTNER,
  BASES,
  subs,
  clock,
  api,
  created,
  retrieve,
  put,
  listOf,
  seededOwners,
} from './subaccounts-fixture'

useSubAccountsSandbox()

describe('update', () => {
  it.each([
    ['PUT on the endpoint pages’ path', 'PUT', BASES['endpoint pages']],
    ['POST on the overview’s path', 'POST', BASES.overview],
    ['PUT on the overview’s path', 'PUT', BASES.overview],
    ['POST on the endpoint pages’ path', 'POST', BASES['endpoint pages']],
  ])('changes only the fields sent (%s)', async (_label, method, base) => {
    const { sub_account: before } = await created({
      name: 'Ops',
      email: 'ops@example.com',
      description: 'Night shift',
      rate_limit: 300,
      permissions: { calls: true, cdr: true },
    })
    clock.advance(3 * 86_400_000)
    const reply = await api.send(method, `${base(PARTNER)}/${before.auth_id}/`, {
      description: 'Updated permissions',
      rate_limit: 750,
      permissions: { calls: false, cdr: true },
    })
    expect(reply.status).toBe(200)
    const after = reply.body as SubAccount
    expect(Object.keys(after)).toEqual(SUB_ACCOUNT_FIELDS)
    expect(after).toEqual({
      ...before,
      auth_token: '<redacted>',
      description: 'Updated permissions',
      rate_limit: 750,
      permissions: { calls: false, cdr: true },
      modified: '2026-11-23',
      updated_at: '2026-11-23T09:00:00.000000Z',
    })
    expect((await retrieve(before.auth_id)).body).toEqual(after)
  })

  it('clears email, phone, description and permissions with null', async () => {
    const { sub_account: sub } = await created({
      name: 'Full',
      email: 'full@example.com',
      phone: '+919876543210',
      description: 'x',
      permissions: { calls: true },
    })
    const reply = await put(sub.auth_id, {
      email: null,
      phone: null,
      description: '',
      permissions: null,
    })
    expect(reply.body).toMatchObject({
      email: null,
      phone: null,
      description: null,
      permissions: null,
    })
  })

  it('disables and enables', async () => {
    const { sub_account: sub } = await created({ name: 'Toggle' })
    expect((await put(sub.auth_id, { enabled: false })).body).toMatchObject({
      enabled: false,
      is_active: false,
    })
    expect((await put(sub.auth_id, { enabled: true })).body).toMatchObject({ enabled: true })
  })

  it('refuses a promotion to customer_use without an email with 400, changing nothing', async () => {
    const { sub_account: sub } = await created({ name: 'No mail' })
    const reply = await put(sub.auth_id, { kyc_mode: 'customer_use', name: 'Renamed' })
    expect(reply.status).toBe(400)
    expect(errorBody(reply)).toMatchObject({
      error: 'bad_request',
      errors: [{ field: 'email', message: expect.any(String) }],
    })
    expect((await retrieve(sub.auth_id)).body).toMatchObject({
      name: 'No mail',
      kyc_mode: 'personal_use',
      kyc_calls_blocked: false,
    })
  })

  it('refuses to clear the email of a customer_use sub-account with 400', async () => {
    const { sub_account: sub } = await created({
      name: 'C',
      email: 'c@example.com',
      kyc_mode: 'customer_use',
    })
    expect((await put(sub.auth_id, { email: null })).status).toBe(400)
    // Demoting in the same request is fine.
    const demoted = await put(sub.auth_id, { email: null, kyc_mode: 'personal_use' })
    expect(demoted.status).toBe(200)
    expect(demoted.body).toMatchObject({ email: null, kyc_mode: 'personal_use' })
  })

  it('re-derives kyc_calls_blocked on every kyc_mode change', async () => {
    const { sub_account: sub } = await created({ name: 'Moves', email: 'moves@example.com' })
    const promoted = await put(sub.auth_id, { kyc_mode: 'customer_use' })
    expect(promoted.status).toBe(200)
    expect(promoted.body).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true })
    const demoted = await put(sub.auth_id, { kyc_mode: 'personal_use' })
    expect(demoted.body).toMatchObject({ kyc_mode: 'personal_use', kyc_calls_blocked: false })
  })

  it('promotes with the email given in the same request', async () => {
    const { sub_account: sub } = await created({ name: 'Both at once' })
    const reply = await put(sub.auth_id, { kyc_mode: 'customer_use', email: 'both@example.com' })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({
      email: 'both@example.com',
      kyc_mode: 'customer_use',
      kyc_calls_blocked: true,
    })
  })

  it('keeps a seeded customer_use sub-account that passed KYC unblocked', async () => {
    const all: SubAccount[] = []
    for (const owner of await seededOwners()) {
      all.push(...listOf(await owner.api.get(`${subs(owner.authId)}/`)).sub_accounts)
    }
    const verified = all.find((s) => s.kyc_mode === 'customer_use' && !s.kyc_calls_blocked)
    expect(verified).toBeDefined()
  })

  it.each([
    ['a blank name', { name: '' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['a null rate_limit', { rate_limit: null }, 'rate_limit'],
    ['enabled as null', { enabled: null }, 'enabled'],
    ['an unknown kyc_mode', { kyc_mode: 'personal' }, 'kyc_mode'],
    ['a bad email', { email: 'nope' }, 'email'],
  ])('refuses %s with 422', async (_label, body, field) => {
    const { sub_account: sub } = await created({ name: 'Stays' })
    const reply = await put(sub.auth_id, body)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual([field])
    expect((await retrieve(sub.auth_id)).body).toMatchObject({ name: 'Stays' })
  })

  it('answers 404 for an unknown sub-account, before reading the body', async () => {
    const reply = await api.send('PUT', `${subs(PARTNER)}/SA_NOPE0000`, 'not json')
    expect(reply.status).toBe(404)
    expect(errorBody(reply).error).toBe('not_found')
  })
})

describe('delete', () => {
  it.each(Object.entries(BASES))(
    'answers 200 with a message, then the sub-account is gone (%s path)',
    async (_label, base) => {
      const { sub_account: sub } = await created({ name: 'Short-lived' })
      const reply = await api.send('DELETE', `${base(PARTNER)}/${sub.auth_id}/`)
      expect(reply.status).toBe(200)
      expect(reply.body).toEqual({ message: 'Sub-account deleted successfully' })
      expect((await retrieve(sub.auth_id)).status).toBe(404)
      expect((await put(sub.auth_id, { name: 'Back' })).status).toBe(404)
      const again = await api.send('DELETE', `${base(PARTNER)}/${sub.auth_id}`)
      expect(again.status).toBe(404)
      const list = listOf(await api.get(`${subs(PARTNER)}/?size=100`))
      expect(list.sub_accounts.map((s) => s.auth_id)).not.toContain(sub.auth_id)
    },
  )
})
